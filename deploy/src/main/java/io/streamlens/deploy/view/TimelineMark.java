package io.streamlens.deploy.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlens.records.Json;

/**
 * A chapter ({@code video.summaries}) or an alert ({@code video.alerts}) as the timeline shows it.
 * Read field by field from untrusted JSON, with only what the page needs kept and every string
 * clipped, so a forged record cannot grow the viewer's memory or break its page.
 *
 * @param kind {@code chapter} or {@code alert}
 * @param id the alert's id, or {@code streamId/startMs} for a chapter (a consumer deduplicates on it)
 */
public record TimelineMark(String kind, String id, String streamId, long startMs, long endMs, String title, String text) {
    public static final String CHAPTER = "chapter";
    public static final String ALERT = "alert";
    static final int MAX_TEXT_CHARS = 2_000;

    /**
     * @return the mark, or null when the record is not one (no stream, times missing or reversed)
     */
    public static TimelineMark read(String kind, String json) {
        JsonNode node;
        try {
            node = Json.tree(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String streamId = clip(node.path("streamId").asText(""), StreamCatalog.MAX_STREAM_ID_CHARS);
        if (streamId.isBlank() || !node.path("startMs").canConvertToLong() || !node.path("endMs").canConvertToLong()) {
            return null;
        }
        long startMs = node.path("startMs").asLong();
        long endMs = node.path("endMs").asLong();
        if (startMs < 0 || endMs < startMs) {
            return null;
        }
        String title = clip(node.path(ALERT.equals(kind) ? "ruleId" : "title").asText(""), 200);
        String id = ALERT.equals(kind) && node.hasNonNull("alertId")
                ? clip(node.path("alertId").asText(), 400) : streamId + "/" + startMs;
        return new TimelineMark(kind, id, streamId, startMs, endMs, title, clip(node.path("text").asText(""), MAX_TEXT_CHARS));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
