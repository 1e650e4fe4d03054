package io.streamlens.sampler.audio;

import java.util.List;

/**
 * What a segment's audio track gave: speech-ready PCM, or why there is none. A missing track is a
 * normal outcome (many cameras record no sound), so it is a value and not a dead letter; damaged
 * bytes are a {@link io.streamlens.sampler.DecodeException} instead.
 */
public sealed interface SegmentAudio {

    /**
     * The decoded audio, in order. More than one chunk only where the track itself jumps in time
     * (a gap or overlap in its timestamps), so each chunk is contiguous.
     *
     * @param codec the track's FFmpeg codec name, e.g. {@code aac}
     */
    record Pcm(String codec, List<PcmChunk> chunks) implements SegmentAudio {
        public Pcm {
            chunks = List.copyOf(chunks);
        }

        public long totalSamples() {
            return chunks.stream().mapToLong(c -> c.samples().length).sum();
        }
    }

    /** No PCM for the segment, with a reason for logs and captions ("no audio track", …). */
    record Missing(String reason) implements SegmentAudio {
    }
}
