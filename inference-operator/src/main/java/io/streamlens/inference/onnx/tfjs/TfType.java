package io.streamlens.inference.onnx.tfjs;

import io.streamlens.inference.onnx.OnnxModelBuilder.ElementType;

/** TensorFlow element types that the importer handles, with their ONNX counterparts. */
enum TfType {
    FLOAT(ElementType.FLOAT), HALF(ElementType.FLOAT16), INT32(ElementType.INT32), INT64(ElementType.INT64),
    BOOL(ElementType.BOOL), UINT8(ElementType.UINT8);

    final ElementType onnx;

    TfType(ElementType onnx) {
        this.onnx = onnx;
    }

    boolean isFloat() {
        return this == FLOAT || this == HALF;
    }

    /** From GraphDef's {@code DT_FLOAT} or the weights manifest's {@code float32}. */
    static TfType of(String name) {
        return switch (name) {
            case "DT_FLOAT", "float32" -> FLOAT;
            case "DT_HALF", "float16" -> HALF;
            case "DT_INT32", "int32" -> INT32;
            case "DT_INT64", "int64" -> INT64;
            case "DT_BOOL", "bool" -> BOOL;
            case "DT_UINT8", "uint8" -> UINT8;
            default -> throw new UnsupportedOperationException("element type " + name + " is not supported");
        };
    }
}
