package io.streamlens.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.inference.onnx.OnnxModelBuilder;
import io.streamlens.inference.pack.InvalidModelPackException;
import io.streamlens.inference.tinycolor.TinyColorPackBuilder;
import io.streamlens.inference.vlm.VlmPack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackLoaderTest {

    @TempDir
    Path dir;

    /** A copy of tiny-color in a folder, to break in various ways. */
    private Path tinyColorFolder() throws IOException {
        for (Map.Entry<String, byte[]> file : TinyColorPackBuilder.files().entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    private static InvalidModelPackException loadFailure(Path pack) {
        try (ModelPack unexpected = ModelPack.load(pack)) {
            throw new AssertionError("loaded " + unexpected.name());
        } catch (InvalidModelPackException e) {
            return e;
        }
    }

    @Test
    void loadsAVlmPackFromAFolder() throws IOException {
        try (ModelPack pack = ModelPack.load(tinyColorFolder())) {
            VlmPack vlm = (VlmPack) pack;
            assertThat(vlm.name()).isEqualTo("tiny-color");
            assertThat(vlm.caption(vlm.encodeImage(RgbImage.filled(32, 32, 0, 0, 255))).text()).isEqualTo("blue");
        }
    }

    @Test
    void resolvesBuiltInNamesWithoutAFolder() {
        try (ModelPack pack = ModelPack.resolve("tiny-color", RuntimeOptions.defaults())) {
            assertThat(pack.kind().code()).isEqualTo("vlm");
        }
    }

    @Test
    void namesTheMissingFile() throws IOException {
        Files.delete(tinyColorFolder().resolve("embed_tokens.onnx"));

        InvalidModelPackException e = loadFailure(dir);

        assertThat(e.reasonCode()).isEqualTo("invalid-model-pack");
        assertThat(e.problems()).containsExactly("embed_tokens.onnx: missing from " + dir.toAbsolutePath().normalize());
    }

    @Test
    void namesAWrongInputAndTheInputsTheModelHas() throws IOException {
        OnnxModelBuilder embed = new OnnxModelBuilder("renamed", 17);
        embed.input("token_ids", OnnxModelBuilder.ElementType.INT64, "batch", "sequence");
        embed.initializer("table", new float[19 * 16], 19, 16);
        embed.node("Gather", List.of("table", "token_ids"), "inputs_embeds");
        embed.output("inputs_embeds", OnnxModelBuilder.ElementType.FLOAT, "batch", "sequence", 16);
        Files.write(tinyColorFolder().resolve("embed_tokens.onnx"), embed.build());

        InvalidModelPackException e = loadFailure(dir);

        assertThat(e.problems()).containsExactly(
                "embed_tokens.onnx: has no input 'input_ids' (its inputs: token_ids)");
        assertThat(e.getMessage()).contains("tiny-color", "1 problem", "input_ids");
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        tinyColorFolder();
        Files.delete(dir.resolve("tokenizer.json"));
        Files.write(dir.resolve("decoder_model_merged.onnx"), "not a model".getBytes(StandardCharsets.UTF_8));
        String manifest = Files.readString(dir.resolve("pack.json")).replace("\"maxNewTokens\" : 8", "\"maxNewTokens\" : -2");
        Files.writeString(dir.resolve("pack.json"), manifest);

        InvalidModelPackException e = loadFailure(dir);

        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("pack.json: generation.maxNewTokens must be an integer of at least 1");
        assertThat(e.problems().get(1)).startsWith("decoder_model_merged.onnx: ONNX Runtime cannot load it");
        assertThat(e.problems().get(2)).startsWith("tokenizer.json: missing");
    }

    @Test
    void reportsAVisionEncoderOfTheWrongSize() throws IOException {
        tinyColorFolder();
        String manifest = Files.readString(dir.resolve("pack.json")).replace("\"width\" : 32", "\"width\" : 64");
        Files.writeString(dir.resolve("pack.json"), manifest);

        assertThat(loadFailure(dir).problems()).containsExactly(
                "vision_encoder.onnx: input 'pixel_values' takes [?, 3, 32, 32] but pack.json's image is 64x32");
    }

    @Test
    void reportsAStopTokenTheTokenizerDoesNotHave() throws IOException {
        tinyColorFolder();
        String manifest = Files.readString(dir.resolve("pack.json")).replace("\"<end_of_utterance>\" ]", "\"<eos>\" ]");
        Files.writeString(dir.resolve("pack.json"), manifest);

        assertThat(loadFailure(dir).problems()).containsExactly(
                "pack.json: generation.stopTokens '<eos>' is not a single token of the tokenizer");
    }

    @Test
    void reportsAMissingOrBrokenManifest() throws IOException {
        assertThat(loadFailure(dir).problems()).containsExactly(
                "pack.json: missing; a pack folder holds pack.json and the files it names");

        Files.writeString(dir.resolve("pack.json"), "{ \"kind\": \"vlm\", ");
        assertThat(loadFailure(dir).problems().get(0)).startsWith("pack.json: not valid JSON");

        Files.writeString(dir.resolve("pack.json"), "{ \"kind\": \"audio\" }");
        assertThat(loadFailure(dir).problems()).containsExactly(
                "pack.json: kind is 'audio', expected one of vlm, perception");
    }

    @Test
    void reportsAFolderThatDoesNotExist() {
        assertThat(loadFailure(dir.resolve("nowhere")).getMessage()).contains("nowhere", "no such folder");
    }

    @Test
    void reportsAnUnknownBuiltInName() {
        assertThatThrownBy(() -> ModelPack.builtIn("huge-vlm", RuntimeOptions.defaults()))
                .isInstanceOf(InvalidModelPackException.class)
                .hasMessageContaining("built-in packs are perception, tiny-color");
    }
}
