package io.streamlens.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.runtime.SessionFactory;
import io.streamlens.inference.runtime.Tensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxModelBuilderTest {

    @Test
    void writesAModelThatOnnxRuntimeRuns() throws Exception {
        OnnxModelBuilder b = new OnnxModelBuilder("scale_and_sum", 17);
        b.input("x", OnnxModelBuilder.ElementType.FLOAT, "batch", 3);
        b.initializer("two", new float[] {2f}, 1);
        b.initializer("axes", new long[] {1}, 1);
        b.node("Mul", List.of("x", "two"), "doubled");
        b.node("ReduceSum", List.of("doubled", "axes"), "y", OnnxModelBuilder.Attribute.integer("keepdims", 0));
        b.output("y", OnnxModelBuilder.ElementType.FLOAT, "batch");

        try (OrtSession session = SessionFactory.environment().createSession(b.build(), new OrtSession.SessionOptions());
                OnnxTensor x = Tensors.floats(new float[] {1, 2, 3, -1, -2, 4}, 2, 3);
                OrtSession.Result r = session.run(Map.of("x", x))) {
            assertThat(session.getInputNames()).containsExactly("x");
            assertThat(Tensors.copyFloats(Tensors.output(r, "y"))).containsExactly(12f, 2f);
        }
    }
}
