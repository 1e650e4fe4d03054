package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * One record of {@code video.captions}: what a window of a stream showed.
 *
 * @param streamId the stream
 * @param captionId {@code streamId + "/" + startMs}: the same window always gets the same id, so
 *     consumers can deduplicate
 * @param startMs window start, from the source's first frame
 * @param endMs window end
 * @param text the caption
 * @param source the stream's source
 * @param evidence what the caption rests on
 * @param visualTokens visual tokens of the window before and after compression
 * @param model the model pack that made it
 */
public record Caption(String streamId, String captionId, long startMs, long endMs, String text, String source,
                      Evidence evidence, TokenCounts visualTokens, String model) {

    public Caption {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(text, "text");
        source = source == null ? "" : source;
    }

    public static String idOf(String streamId, long startMs) {
        return streamId + "/" + startMs;
    }

    /**
     * @param text on-screen text read in the window, deduplicated, in reading order
     * @param sceneIds the shots the window's frames belong to
     * @param sceneChangesMs when new shots began inside the window
     * @param frames how many sampled frames the window had
     */
    public record Evidence(List<String> text, List<Integer> sceneIds, List<Long> sceneChangesMs, int frames) {
        public Evidence {
            text = List.copyOf(text);
            sceneIds = List.copyOf(sceneIds);
            sceneChangesMs = List.copyOf(sceneChangesMs);
        }
    }

    /** Visual tokens of a window before ({@code raw}) and after ({@code kept}) compression. */
    public record TokenCounts(int raw, int kept) {
    }
}
