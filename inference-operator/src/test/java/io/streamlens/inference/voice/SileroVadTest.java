package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.runtime.SessionFactory;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SileroVadTest {

    @Test
    void shouldShipTheModelWithTheContractTheCodeUses() throws Exception {
        byte[] onnx;
        try (InputStream in = SileroVad.class.getResourceAsStream(SileroVad.MODEL_RESOURCE)) {
            onnx = in.readAllBytes();
        }
        try (OrtSession session = SessionFactory.environment().createSession(onnx, new OrtSession.SessionOptions())) {
            assertThat(SileroVad.contractProblems(session)).isEmpty();
            assertThat(shape(session.getInputInfo().get("input").getInfo())).containsExactly(-1, -1);
            assertThat(shape(session.getInputInfo().get("sr").getInfo())).isEmpty();
            assertThat(shape(session.getInputInfo().get("h").getInfo())).containsExactly(2, -1, 64);
            assertThat(shape(session.getInputInfo().get("c").getInfo())).containsExactly(2, -1, 64);
            assertThat(shape(session.getOutputInfo().get("output").getInfo())).containsExactly(-1, 1);
            assertThat(shape(session.getOutputInfo().get("hn").getInfo())).containsExactly(2, -1, 64);
        }
    }

    @Test
    void shouldScoreEachTrainedChunkSizeAndCarryItsState(@TempDir Path dir) throws Exception {
        short[] speech = VoiceClips.speech("Hello there, how are you doing today", dir);
        try (SileroVad vad = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1))) {
            for (int size : new int[] {512, 1024, 1536}) {
                float[] h = new float[SileroVad.STATE_FLOATS];
                float[] c = new float[SileroVad.STATE_FLOATS];
                float silent = vad.speechProbability(new float[size], h, c);
                assertThat(silent).as("silence at %d", size).isBetween(0f, 0.1f);
                assertThat(h).as("state after a call").isNotEqualTo(new float[SileroVad.STATE_FLOATS]);
                float highest = 0;
                for (int at = 0; at + size <= speech.length; at += size) {
                    float[] chunk = new float[size];
                    for (int i = 0; i < size; i++) {
                        chunk[i] = speech[at + i] / 32768f;
                    }
                    highest = Math.max(highest, vad.speechProbability(chunk, h, c));
                }
                assertThat(highest).as("speech at %d", size).isGreaterThan(0.9f);
            }
        }
    }

    private static long[] shape(ai.onnxruntime.ValueInfo info) {
        return ((TensorInfo) info).getShape();
    }
}
