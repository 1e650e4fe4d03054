package io.streamlens.inference.vlm;

/**
 * A pack's prompt with the image placeholder expanded to one image token per visual token, so the
 * prompt always holds as many placeholders as the (possibly compressed) tokens to scatter into it.
 */
final class PromptTemplate {

    private final VlmSpec.PromptSpec spec;

    PromptTemplate(VlmSpec.PromptSpec spec) {
        this.spec = spec;
    }

    String render(String instruction, int visualTokens) {
        // Image tokens typed into an instruction would take visual rows meant for the picture.
        String text = instruction.replace(spec.imageToken(), "");
        String image = spec.imagePrefix() + spec.imageToken().repeat(visualTokens) + spec.imageSuffix();
        // Instruction first, so that a placeholder inside the user's text is never expanded.
        int at = spec.template().indexOf(spec.imagePlaceholder());
        String before = spec.template().substring(0, at);
        String after = spec.template().substring(at + spec.imagePlaceholder().length());
        return fill(before, text) + image + fill(after, text);
    }

    private static String fill(String part, String instruction) {
        return part.replace(VlmSpec.PromptSpec.INSTRUCTION_SLOT, instruction);
    }
}
