package io.streamlens.inference.onnx.tfjs;

/** What a TensorFlow tensor became: a constant known at import time, or a named ONNX value. */
sealed interface Value {

    TfType type();

    record Constant(ConstTensor tensor) implements Value {
        @Override
        public TfType type() {
            // float16 weights are float32 to TensorFlow: they were only stored at half size
            return tensor.type() == TfType.HALF ? TfType.FLOAT : tensor.type();
        }
    }

    record Dynamic(String name, TfType type) implements Value {
    }
}
