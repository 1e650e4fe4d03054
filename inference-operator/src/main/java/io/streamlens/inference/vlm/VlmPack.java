package io.streamlens.inference.vlm;

import ai.onnxruntime.OrtSession;
import io.streamlens.inference.InferenceException;
import io.streamlens.inference.ModelPack;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.VisualTokens;
import io.streamlens.inference.pack.Manifest;
import io.streamlens.inference.pack.PackKind;
import io.streamlens.inference.pack.PackSessions;
import io.streamlens.inference.pack.PackSource;
import io.streamlens.inference.pack.Problems;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.BatchedModel;
import io.streamlens.inference.runtime.Batcher;
import io.streamlens.inference.runtime.DeviceChoice;
import io.streamlens.inference.runtime.SessionFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A loaded {@code vlm} pack: frames to visual tokens, visual tokens to text.
 *
 * <pre>{@code
 * VisualTokens tokens = vlm.encodeImage(frame);              // or encodeImageAsync, batched across streams
 * VisualTokens kept = compress(tokens);                      // fewer rows, same hidden size
 * Generation caption = vlm.generate(kept, vlm.generationDefaults(), TokenListener.NONE);
 * }</pre>
 *
 * <p>Owns its three sessions and tokenizer; {@link #close()} releases them. Use it through
 * {@code SharedSessions} so that all task slots of a JVM share one copy.
 */
public final class VlmPack implements ModelPack {

    private final String name;
    private final DeviceChoice device;
    private final RuntimeOptions options;
    private final List<OrtSession> sessions;
    private final VlmTokenizer tokenizer;
    private final VisionEncoder visionEncoder;
    private final VlmGenerator generator;
    private final GenerationOptions defaults;
    private Set<String> compression = Set.copyOf(VlmSpec.ALL_COMPRESSION);
    private final BatchedModel<RgbImage, VisionEncoder.PreparedImage, VisualTokens> encode;
    private boolean closed;

    private VlmPack(String name, DeviceChoice device, RuntimeOptions options, List<OrtSession> sessions,
            VlmTokenizer tokenizer, VisionEncoder visionEncoder, VlmGenerator generator, GenerationOptions defaults) {
        this.name = name;
        this.device = device;
        this.options = options;
        this.sessions = sessions;
        this.tokenizer = tokenizer;
        this.visionEncoder = visionEncoder;
        this.generator = generator;
        this.defaults = defaults;
        this.encode = new BatchedModel<>(name + "-vision", "vision encoder", options.batching(),
                visionEncoder::prepare, visionEncoder::encode);
    }

    /**
     * Opens and checks a pack: every file, every session's inputs and outputs, the tokenizer and
     * the prompt. All problems found are thrown together as one {@code InvalidModelPackException}.
     */
    public static VlmPack open(PackSource source, Manifest manifest, RuntimeOptions options) {
        VlmSpec spec = VlmSpec.read(manifest);
        return PackSessions.open(source, manifest, options, files -> {
            Problems problems = files.problems();
            Optional<VisionEncoder> vision = files.open(spec.visionEncoder()).flatMap(s ->
                    VisionEncoder.bind(s, new SessionContract(spec.visionEncoder(), s, problems), spec.image()));
            Optional<TokenEmbedder> embedder = files.open(spec.embedTokens()).flatMap(s ->
                    TokenEmbedder.bind(s, new SessionContract(spec.embedTokens(), s, problems)));
            Optional<Decoder> decoder = files.open(spec.decoder()).flatMap(s ->
                    Decoder.bind(s, new SessionContract(spec.decoder(), s, problems)));
            checkHiddenSizes(spec, vision, embedder, decoder, problems);
            // the pack owns the tokenizer once it is made
            VlmTokenizer tokenizer = files.closedUnlessKept(
                    files.read(spec.tokenizer()).map(json -> loadTokenizer(json, spec, problems)).orElse(null));
            OptionalLong imageToken = OptionalLong.empty();
            Set<Long> stopIds = new HashSet<>();
            if (tokenizer != null) {
                imageToken = tokenId(tokenizer, spec.prompt().imageToken(), "prompt.imageToken", problems);
                for (String stop : spec.stopTokens()) {
                    tokenId(tokenizer, stop, "generation.stopTokens", problems).ifPresent(stopIds::add);
                }
            }
            problems.throwIfAny();
            VlmGenerator generator = new VlmGenerator(tokenizer, spec.prompt(), embedder.get(), decoder.get(),
                    imageToken.getAsLong(), stopIds);
            checkPromptExpansion(generator, spec, problems);
            problems.throwIfAny();
            String instruction = spec.prompt().instruction().isBlank() ? "Describe this image." : spec.prompt().instruction();
            GenerationOptions defaults = new GenerationOptions(instruction, spec.maxNewTokens(), Sampler.greedy(), 0L, true);
            VlmPack pack = new VlmPack(files.packName(), files.device(), options, files.keep(), tokenizer, vision.get(),
                    generator, defaults);
            pack.compression = Set.copyOf(spec.compression());
            return pack;
        });
    }

    private static VlmTokenizer loadTokenizer(byte[] json, VlmSpec spec, Problems problems) {
        try {
            return VlmTokenizer.load(json, spec.prompt().addSpecialTokens());
        } catch (IOException | RuntimeException e) {
            // DJL reports a malformed tokenizer.json as a RuntimeException from native code.
            problems.add(spec.tokenizer() + ": the tokenizer does not load (" + e.getMessage() + ")");
            return null;
        }
    }

    private static void checkHiddenSizes(VlmSpec spec, Optional<VisionEncoder> vision, Optional<TokenEmbedder> embedder,
            Optional<Decoder> decoder, Problems problems) {
        if (decoder.isEmpty()) {
            return;
        }
        int hidden = decoder.get().hidden();
        if (hidden <= 0) {
            problems.add(spec.decoder() + ": 'inputs_embeds' must have a fixed hidden size");
        }
        if (embedder.isPresent() && embedder.get().hidden() > 0 && embedder.get().hidden() != hidden) {
            problems.add(spec.embedTokens() + ": embeds " + embedder.get().hidden() + " features, " + spec.decoder()
                    + " takes " + hidden);
        }
        if (vision.isPresent() && vision.get().hidden() > 0 && vision.get().hidden() != hidden) {
            problems.add(spec.visionEncoder() + ": produces " + vision.get().hidden() + " features per token, "
                    + spec.decoder() + " takes " + hidden);
        }
    }

    private static OptionalLong tokenId(VlmTokenizer tokenizer, String token, String field, Problems problems) {
        OptionalLong id = tokenizer.idOf(token);
        if (id.isEmpty()) {
            problems.add("pack.json: " + field + " '" + token + "' is not a single token of the tokenizer");
        }
        return id;
    }

    /** A prompt for three visual tokens must tokenize to exactly three image tokens. */
    private static void checkPromptExpansion(VlmGenerator generator, VlmSpec spec, Problems problems) {
        try {
            long[] ids = generator.promptIds(spec.prompt().instruction().isBlank() ? "x" : spec.prompt().instruction(), 3);
            long images = Arrays.stream(ids).filter(id -> id == generator.imageTokenId()).count();
            if (images != 3) {
                problems.add("pack.json: prompt.template with 3 visual tokens tokenizes to " + images
                        + " image tokens; the image token must stay one token next to its neighbours");
            }
        } catch (InferenceException e) {
            problems.add("pack.json: the prompt does not render (" + e.getMessage() + ")");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PackKind kind() {
        return PackKind.VLM;
    }

    @Override
    public DeviceChoice device() {
        return device;
    }

    /** The token compression operations this pack's projector accepts ({@code pack.json: compression}). */
    public Set<String> compressionOperations() {
        return compression;
    }

    public int hidden() {
        return visionEncoder.hidden() > 0 ? visionEncoder.hidden() : generator.hidden();
    }

    /** The vision encoder itself, for callers that prepare frames apart from the call (benchmarks). */
    public VisionEncoder visionEncoder() {
        return visionEncoder;
    }

    /** The pack's instruction, token limit and greedy sampling. */
    public GenerationOptions generationDefaults() {
        return defaults;
    }

    /** Visual tokens of one frame, run in the caller's thread. */
    public VisualTokens encodeImage(RgbImage image) {
        return encode.run(image);
    }

    /** Visual tokens of several frames in one model call. */
    public List<VisualTokens> encodeImages(List<RgbImage> images) {
        return encode.runAll(images);
    }

    /**
     * Visual tokens of one frame, batched with the frames of all other callers in the JVM. The frame
     * is resized in the caller's thread; a bad frame fails this future only.
     */
    public CompletableFuture<VisualTokens> encodeImageAsync(RgbImage image) {
        return encode.submit(image);
    }

    /** Text for the visual tokens, the tokens streamed to {@code listener} as they come. */
    public Generation generate(VisualTokens visual, GenerationOptions options, TokenListener listener) {
        return generator.generate(visual, options, listener);
    }

    /** A caption with the pack's defaults. */
    public Generation caption(VisualTokens visual) {
        return generate(visual, defaults, TokenListener.NONE);
    }

    /** Batching statistics of {@link #encodeImageAsync}. */
    public Batcher.Stats encodeStats() {
        return encode.stats();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        encode.close();
        SessionFactory.closeAll(sessions);
        tokenizer.close();
    }
}
