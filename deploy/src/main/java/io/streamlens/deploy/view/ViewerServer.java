package io.streamlens.deploy.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamlens.records.Answer;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.sinks.Subtitles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The viewer's web server (the JDK's own HTTP server; every asset comes from the jar): the page,
 * a small JSON API over what {@link TopicFollower} has read, the video, live updates as
 * server-sent events, and questions through {@link QueryClient}.
 *
 * <p>Hostile input: a request names a stream by its id only; the video served for it is the file
 * the command was given for that id ({@link ViewerOptions#files()}), never a path from the request,
 * and anything else is 404. Bodies, parameters and waiting clients are all bounded.
 */
public final class ViewerServer implements AutoCloseable {
    static final int MAX_EVENT_CLIENTS = 16;
    static final int MAX_BODY_BYTES = 8 * 1024;
    static final int EVENT_QUEUE = 2_000;
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/viewer.js", "viewer.js", "/viewer.css", "viewer.css");
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private final ViewerOptions options;
    private final StreamCatalog catalog;
    private final LiveSegments segments;
    private final TopicFollower follower;
    private final QueryClient questions;
    private final AtomicInteger eventClients = new AtomicInteger();
    private final List<Consumer<String>> segmentListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ViewerServer(ViewerOptions options, KafkaClientConfig kafka) throws IOException {
        this.options = options;
        this.catalog = new StreamCatalog();
        this.segments = new LiveSegments(s -> segmentListeners.forEach(l -> l.accept(event("segment", s))));
        this.follower = new TopicFollower(kafka, catalog, segments);
        this.questions = new QueryClient(kafka);
        server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 64);
        threads = new ThreadPoolExecutor(32, 32, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(256));
        threads.allowCoreThreadTimeOut(true);
        server.setExecutor(threads);
        server.createContext("/", this::route);
    }

    /** Starts following the topics and serving; the address is {@link #url()}. */
    public static ViewerServer start(ViewerOptions options, KafkaClientConfig kafka) throws IOException {
        ViewerServer viewer = new ViewerServer(options, kafka);
        viewer.follower.start();
        viewer.server.start();
        return viewer;
    }

    public String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + (a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString()) + ":" + a.getPort() + "/";
    }

    public StreamCatalog catalog() {
        return catalog;
    }

    private void route(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            Map<String, String> params = params(x.getRequestURI());
            if ("POST".equals(x.getRequestMethod()) && path.equals("/api/ask")) {
                ask(x);
                return;
            }
            if (!"GET".equals(x.getRequestMethod()) && !"HEAD".equals(x.getRequestMethod())) {
                send(x, 405, "text/plain", "method not allowed");
                return;
            }
            switch (path) {
                case "/api/streams" -> json(x, Map.of("streams", streams(), "frameMaxSide", options.frameMaxSide()));
                case "/api/captions" -> json(x, catalog.captions(params.getOrDefault("stream", "")));
                case "/api/marks" -> json(x, catalog.marks(params.getOrDefault("stream", "")));
                case "/api/subtitles.vtt" -> send(x, 200, "text/vtt; charset=utf-8",
                        Subtitles.webVtt(catalog.captions(params.getOrDefault("stream", "")), Subtitles.Kind.BOTH));
                case "/api/video" -> video(x, params.getOrDefault("stream", ""));
                case "/api/segments" -> json(x, segments.segments(params.getOrDefault("stream", "")));
                case "/api/segment.mp4" -> segment(x, params);
                case "/api/events" -> events(x);
                default -> asset(x, path);
            }
        } catch (RuntimeException e) {
            // a bad request must not take the server down; tell the client what was wrong
            trySend(x, 400, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            x.close();
        }
    }

    private List<Map<String, Object>> streams() {
        Map<String, Map<String, Object>> byId = new java.util.TreeMap<>();
        for (StreamCatalog.StreamSummary s : catalog.streams()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("streamId", s.streamId());
            m.put("captions", s.captions());
            m.put("chapters", s.chapters());
            m.put("alerts", s.alerts());
            m.put("endMs", s.endMs());
            byId.put(s.streamId(), m);
        }
        // Files the command was given, and live streams, are listed before their first caption.
        List<String> live = segments.streamIds();
        java.util.stream.Stream.concat(options.files().keySet().stream(), live.stream())
                .forEach(id -> byId.computeIfAbsent(id, k -> new LinkedHashMap<>(Map.of("streamId", k,
                        "captions", 0, "chapters", 0, "alerts", 0, "endMs", 0L))));
        byId.forEach((id, m) -> {
            m.put("file", options.files().containsKey(id));
            m.put("live", live.contains(id));
        });
        return List.copyOf(byId.values());
    }

    private void asset(HttpExchange x, String path) throws IOException {
        String name = ASSETS.get(path);
        if (name == null) {
            send(x, 404, "text/plain", "not found");
            return;
        }
        try (InputStream in = ViewerServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("asset " + name + " missing from the jar");
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
            send(x, 200, type + "; charset=utf-8", in.readAllBytes());
        }
    }

    private void video(HttpExchange x, String streamId) throws IOException {
        Path file = options.files().get(streamId);
        if (file == null || !Files.isRegularFile(file)) {
            send(x, 404, "text/plain", "no file for this stream");
            return;
        }
        long length = Files.size(file);
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(x.getRequestHeaders().getFirst("Range"), length);
        } catch (IllegalArgumentException e) {
            x.getResponseHeaders().set("Content-Range", "bytes */" + length);
            send(x, 416, "text/plain", e.getMessage());
            return;
        }
        ByteRange r = range.orElse(new ByteRange(0, length - 1));
        x.getResponseHeaders().set("Content-Type", videoType(file));
        x.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (range.isPresent()) {
            x.getResponseHeaders().set("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + length);
        }
        boolean head = "HEAD".equals(x.getRequestMethod());
        x.sendResponseHeaders(range.isPresent() ? 206 : 200, head ? -1 : (length == 0 ? -1 : r.length()));
        if (head || length == 0) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"); OutputStream out = x.getResponseBody()) {
            in.seek(r.first());
            byte[] buffer = new byte[64 * 1024];
            long left = r.length();
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static String videoType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".webm") ? "video/webm" : name.endsWith(".ogv") || name.endsWith(".ogg") ? "video/ogg" : "video/mp4";
    }

    private void segment(HttpExchange x, Map<String, String> params) throws IOException {
        long seq;
        try {
            seq = Long.parseLong(params.getOrDefault("seq", ""));
        } catch (NumberFormatException e) {
            send(x, 400, "text/plain", "seq must be a number");
            return;
        }
        Optional<Fmp4Remux.Playable> playable;
        try {
            playable = segments.playable(params.getOrDefault("stream", ""), seq);
        } catch (Exception e) {
            send(x, 422, "text/plain", "this segment cannot be played: " + e.getMessage());
            return;
        }
        if (playable.isEmpty()) {
            send(x, 404, "text/plain", "segment not held (only the newest of each stream are)");
            return;
        }
        x.getResponseHeaders().set("X-Mime-Type", playable.get().mimeType());
        send(x, 200, "video/mp4", playable.get().bytes());
    }

    /** Server-sent events: every new caption, chapter, alert and live segment, as they are read. */
    private void events(HttpExchange x) throws IOException {
        if (eventClients.incrementAndGet() > MAX_EVENT_CLIENTS) {
            eventClients.decrementAndGet();
            send(x, 503, "text/plain", "too many pages open");
            return;
        }
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(EVENT_QUEUE);
        boolean[] overflowed = {false};
        Consumer<String> offer = e -> {
            if (!queue.offer(e)) {
                overflowed[0] = true; // a page that cannot keep up reconnects and reloads
            }
        };
        Consumer<StreamCatalog.Update> onUpdate = u -> offer.accept(u.caption() != null
                ? event("caption", u.caption()) : event("mark", u.mark()));
        catalog.listen(onUpdate);
        segmentListeners.add(offer);
        try {
            x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            x.getResponseHeaders().set("Cache-Control", "no-cache");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write(": streamlens\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!overflowed[0] && !threads.isShutdown()) {
                String e = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                out.write((e == null ? ": heartbeat\n\n" : e).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the page went away
        } finally {
            catalog.unlisten(onUpdate);
            segmentListeners.remove(offer);
            eventClients.decrementAndGet();
        }
    }

    private static String event(String name, Object data) {
        return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
    }

    private void ask(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            send(x, 413, "text/plain", "a question is at most " + MAX_BODY_BYTES + " bytes of JSON");
            return;
        }
        Query query = PageQuestion.read(new String(body, StandardCharsets.UTF_8), UUID.randomUUID().toString());
        try {
            Answer answer = questions.ask(query, ASK_TIMEOUT).get();
            json(x, answer);
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof TimeoutException
                    ? "no answer within " + ASK_TIMEOUT.toSeconds() + " s: is the StreamLens job running?"
                    : e.getCause().getMessage();
            send(x, 504, "text/plain", why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(x, 503, "text/plain", "shutting down");
        }
    }

    private static Map<String, String> params(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.length() > 2_000) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void json(HttpExchange x, Object value) throws IOException {
        send(x, 200, "application/json", Json.write(value));
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        send(x, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(x.getRequestMethod());
        x.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void trySend(HttpExchange x, int status, String message) {
        try {
            send(x, status, "text/plain", message);
        } catch (IOException | RuntimeException ignored) {
            // headers were already sent; the client sees a cut response
        }
    }

    @Override
    public void close() throws Exception {
        server.stop(0);
        threads.shutdownNow();
        follower.close();
        questions.close();
    }
}
