package io.streamlens.inference.speech;

import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.DecodeException;
import io.streamlens.sampler.audio.AudioDecoder;
import io.streamlens.sampler.audio.PcmChunk;
import io.streamlens.sampler.audio.SegmentAudio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Speech tests' shared plumbing: the model, a word error rate, and segments through a transcriber. */
public final class SpeechClips {
    /** Unpacked once per worktree, not per run: 70 MB. */
    static final Path CACHE = Path.of("target", "speech-cache");

    private SpeechClips() {
    }

    static List<PcmChunk> decode(List<VideoSegment> segments) throws DecodeException {
        AudioDecoder decoder = new AudioDecoder();
        List<PcmChunk> chunks = new ArrayList<>();
        for (VideoSegment segment : segments) {
            if (decoder.decode(segment) instanceof SegmentAudio.Pcm pcm) {
                chunks.addAll(pcm.chunks());
            }
        }
        return chunks;
    }

    static List<Word> transcribe(SpeechModel model, List<PcmChunk> chunks) {
        List<Word> words = new ArrayList<>();
        try (StreamTranscriber transcriber = new StreamTranscriber(model)) {
            for (PcmChunk chunk : chunks) {
                words.addAll(transcriber.accept(chunk.startUs(), chunk.samples()));
            }
            words.addAll(transcriber.flush());
        }
        return words;
    }

    static List<String> texts(List<Word> words) {
        return words.stream().map(Word::text).toList();
    }

    /** Word error rate: word-level edit distance over the reference's length. */
    public static double wordErrorRate(String reference, List<String> hypothesis) {
        List<String> ref = Arrays.asList(reference.toLowerCase().split("\\s+"));
        int[][] d = new int[ref.size() + 1][hypothesis.size() + 1];
        for (int i = 0; i <= ref.size(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= hypothesis.size(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            for (int j = 1; j <= hypothesis.size(); j++) {
                int substitution = d[i - 1][j - 1] + (ref.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return d[ref.size()][hypothesis.size()] / (double) ref.size();
    }
}
