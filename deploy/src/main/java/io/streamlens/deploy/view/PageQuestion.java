package io.streamlens.deploy.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlens.records.Json;
import io.streamlens.records.Query;

/**
 * A question typed on the page ({@code {question, streamId?, fromMs?, toMs?}}), read field by field
 * into a {@link Query} under an id the server chose. Anything wrong becomes the query's problem,
 * which the job answers with, so the page shows why instead of failing.
 */
final class PageQuestion {
    private PageQuestion() {
    }

    static Query read(String json, String queryId) {
        JsonNode node;
        try {
            node = Json.tree(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the question is not JSON");
        }
        if (node == null || !node.isObject() || !node.path("question").isTextual()) {
            throw new IllegalArgumentException("a question is a JSON object with a 'question' string");
        }
        String streamId = node.path("streamId").isTextual() && !node.path("streamId").asText().isBlank()
                ? node.path("streamId").asText() : null;
        if (streamId != null && streamId.length() > StreamCatalog.MAX_STREAM_ID_CHARS) {
            throw new IllegalArgumentException("no stream has an id that long");
        }
        return new Query(queryId, streamId, node.path("question").asText(), millis(node, "fromMs"), millis(node, "toMs"), null);
    }

    private static Long millis(JsonNode node, String field) {
        JsonNode n = node.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.canConvertToLong() || n.asLong() < 0) {
            throw new IllegalArgumentException("'" + field + "' must be a non-negative number of milliseconds");
        }
        return n.asLong();
    }
}
