package io.streamlens.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The part of Flink's REST API StreamLens uses: what a stock cluster offers to anyone, so the CLI
 * needs no Flink client classes to upload, run, watch and stop a job.
 */
public final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param hostPort the JobManager's REST endpoint, {@code host:port} */
    public FlinkRest(String hostPort) {
        this.base = URI.create("http://" + hostPort + "/");
    }

    public URI webUi() {
        return base;
    }

    /**
     * {@code /overview}: TaskManagers, slots, jobs; empty if nothing answers at this address yet
     * (a starting JobManager answers 503 until it has elected itself leader).
     */
    public Optional<JsonNode> overview() {
        try {
            return Optional.of(get("overview"));
        } catch (UncheckedIOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public JsonNode taskManagers() {
        return get("taskmanagers").path("taskmanagers");
    }

    public JsonNode jobs() {
        return get("jobs/overview").path("jobs");
    }

    public JsonNode job(String jobId) {
        return get("jobs/" + jobId);
    }

    public JsonNode checkpoints(String jobId) {
        return get("jobs/" + jobId + "/checkpoints");
    }

    /** Uploads a job jar; returns the id {@code /jars/{id}/run} takes. */
    public String uploadJar(Path jar) {
        String boundary = "streamlens-" + UUID.randomUUID();
        try {
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                    + jar.getFileName() + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("jars/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(jar), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .timeout(Duration.ofMinutes(2)).build();
            String filename = send(request).path("filename").asText();
            return filename.substring(filename.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /**
     * Runs an uploaded jar's main class; returns the job id.
     *
     * @param restorePath a savepoint or retained checkpoint to start from, or null
     */
    public String runJar(String jarId, String entryClass, List<String> args, String restorePath) {
        ObjectNode body = JSON.createObjectNode();
        body.put("entryClass", entryClass);
        body.putPOJO("programArgsList", new ArrayList<>(args));
        if (restorePath != null) {
            body.put("savepointPath", restorePath);
        }
        return post("jars/" + jarId + "/run", body).path("jobid").asText();
    }

    /** Stops a job with a savepoint and waits for it; returns the savepoint's path. */
    public String stopWithSavepoint(String jobId, Duration timeout) {
        ObjectNode body = JSON.createObjectNode();
        body.put("drain", false);
        String trigger = post("jobs/" + jobId + "/stop", body).path("request-id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IllegalStateException("the savepoint of job " + jobId + " failed: "
                            + operation.path("failure-cause").path("stack-trace").asText().lines().findFirst().orElse(""));
                }
                return operation.path("location").asText();
            }
            pause();
        }
        throw new IllegalStateException("no savepoint of job " + jobId + " within " + timeout);
    }

    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build());
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(10)).build());
    }

    private JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofMinutes(2)).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + firstLines(body.path("errors")));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from Flink at " + base + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Flink puts whole stack traces in {@code errors}: the first line and the root cause say what went wrong. */
    private static String firstLines(JsonNode errors) {
        List<String> lines = new ArrayList<>();
        errors.forEach(e -> {
            List<String> trace = e.asText().lines().toList();
            lines.add(trace.isEmpty() ? "" : trace.get(0));
            trace.stream().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b).ifPresent(lines::add);
        });
        return String.join(" | ", lines);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
