package io.streamlens.inference;

import io.streamlens.captions.Perception;
import io.streamlens.captions.PerceptionCaptioner;
import io.streamlens.captions.WindowCaptioner;
import io.streamlens.captions.memory.ObjectAwareAnswerer;
import io.streamlens.captions.memory.SpanAwareAnswerer;
import io.streamlens.captions.memory.QuestionAnswerer;
import io.streamlens.compression.CompressionChain;
import io.streamlens.inference.perception.TextAnswerer;
import io.streamlens.inference.vlm.VlmAnswerer;
import io.streamlens.inference.vlm.VlmCaptioner;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which models a job runs and where: the model pack, its token compression, the device and the
 * perception detectors. The frame analysis, the captioner and the answerer of a job all come from
 * here, so that the choice between the {@code perception} pack and a {@code vlm} pack is made once.
 *
 * @param pack {@code perception} or a {@code vlm} pack (built-in name or folder; {@code --model-pack})
 * @param compression the token compression chain for {@code vlm} packs ({@code --compress})
 * @param device where the models run ({@code --device})
 * @param perception which detectors run ({@code --perceive})
 */
public record ModelOptions(String pack, String compression, String device, Set<Perception> perception) implements Serializable {
    public static final String PERCEPTION = "perception";
    public static final ModelOptions DEFAULT =
            new ModelOptions(PERCEPTION, "pool:2,temporal:0.9,budget:256", "cpu", Perception.ALL);
    /** Frames of one model call on a CPU: OCR gains nothing from big batches there. */
    static final int CPU_BATCH = 4;
    static final int GPU_BATCH = 16;
    static final Duration BATCH_WAIT = Duration.ofMillis(5);
    static final int BATCH_QUEUE = 1024;

    public ModelOptions {
        Objects.requireNonNull(pack, "pack");
        CompressionChain.parse(compression); // refuses a bad chain now, naming the bad part
        Device.parse(device);
        perception = perception.isEmpty() ? EnumSet.noneOf(Perception.class) : EnumSet.copyOf(perception);
    }

    public boolean usesVlm() {
        return !PERCEPTION.equals(pack);
    }

    public boolean perceives(Perception detector) {
        return perception.contains(detector);
    }

    public ModelOptions withPack(String value) {
        return new ModelOptions(value, compression, device, perception);
    }

    public ModelOptions withCompression(String value) {
        return new ModelOptions(pack, value, device, perception);
    }

    public ModelOptions withPerception(Set<Perception> value) {
        return new ModelOptions(pack, compression, device, value);
    }

    /** Model sessions are shared by the {@code slots} task slots of a JVM. */
    public RuntimeOptions runtime(int slots) {
        Device parsed = Device.parse(device);
        return RuntimeOptions.forSlots(parsed, slots)
                .withBatching(new BatchOptions(parsed.kind() == Device.Kind.CUDA ? GPU_BATCH : CPU_BATCH, BATCH_WAIT, BATCH_QUEUE));
    }

    /** The captioner of each {@code CaptionWindow} subtask. */
    public WindowCaptioner.Factory captioners(int slots) {
        if (!usesVlm()) {
            return PerceptionCaptioner::new;
        }
        String vlm = pack;
        String chain = compression;
        RuntimeOptions runtime = runtime(slots);
        return () -> new VlmCaptioner(SharedSessions.acquire(vlm, runtime), CompressionChain.parse(chain));
    }

    /** The answerer of each {@code AnswerQuery} subtask. */
    public QuestionAnswerer.Factory answerers(int slots) {
        RuntimeOptions runtime = runtime(slots);
        if (!usesVlm()) {
            return SpanAwareAnswerer.wrapping(ObjectAwareAnswerer.wrapping(() -> new TextAnswerer(runtime)));
        }
        String vlm = pack;
        return SpanAwareAnswerer.wrapping(ObjectAwareAnswerer.wrapping(() -> new VlmAnswerer(vlm, runtime)));
    }
}
