package io.streamlens.deploy.view;

import io.streamlens.records.Caption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the viewer knows of each stream: its captions, chapters and alerts, as read from the topics,
 * deduplicated by id (exactly-once topics still repeat a record after a restart of the viewer's
 * consumer, and at-least-once ones repeat it anyway). Bounded: at most {@link #MAX_STREAMS} streams,
 * the newest {@link #MAX_ITEMS_PER_STREAM} captions and marks of each; the oldest stream goes when
 * a new one would pass the limit. Listeners hear every new item, for the page's live updates.
 */
public final class StreamCatalog {
    public static final int MAX_STREAMS = 1_000;
    public static final int MAX_ITEMS_PER_STREAM = 10_000;
    public static final int MAX_STREAM_ID_CHARS = 256;

    /** One new item for listeners: a caption or a timeline mark, never both. */
    public record Update(Caption caption, TimelineMark mark) {
    }

    /** A stream as the page lists it. */
    public record StreamSummary(String streamId, int captions, int chapters, int alerts, long endMs) {
    }

    private static final class Stream {
        final TreeMap<String, Caption> captions = new TreeMap<>();
        final TreeMap<String, TimelineMark> marks = new TreeMap<>();
        long endMs;
    }

    /** Access order: the least recently updated stream is evicted first. */
    private final LinkedHashMap<String, Stream> streams = new LinkedHashMap<>(16, 0.75f, true);
    private final List<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<Update> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<Update> listener) {
        listeners.remove(listener);
    }

    /** @return whether the caption was new */
    public boolean add(Caption caption) {
        if (caption.streamId().isBlank() || caption.streamId().length() > MAX_STREAM_ID_CHARS
                || caption.startMs() < 0 || caption.endMs() < caption.startMs()) {
            return false;
        }
        synchronized (this) {
            Stream s = stream(caption.streamId());
            String key = sortKey(caption.startMs(), Caption.idOf(caption.streamId(), caption.startMs()));
            if (s.captions.putIfAbsent(key, caption) != null) {
                return false;
            }
            trim(s.captions);
            s.endMs = Math.max(s.endMs, caption.endMs());
        }
        listeners.forEach(l -> l.accept(new Update(caption, null)));
        return true;
    }

    /** @return whether the mark was new */
    public boolean add(TimelineMark mark) {
        synchronized (this) {
            Stream s = stream(mark.streamId());
            if (s.marks.putIfAbsent(sortKey(mark.startMs(), mark.kind() + "/" + mark.id()), mark) != null) {
                return false;
            }
            trim(s.marks);
        }
        listeners.forEach(l -> l.accept(new Update(null, mark)));
        return true;
    }

    public synchronized List<StreamSummary> streams() {
        List<StreamSummary> list = new ArrayList<>();
        streams.forEach((id, s) -> {
            long chapters = s.marks.values().stream().filter(m -> TimelineMark.CHAPTER.equals(m.kind())).count();
            list.add(new StreamSummary(id, s.captions.size(), (int) chapters, (int) (s.marks.size() - chapters), s.endMs));
        });
        list.sort(Comparator.comparing(StreamSummary::streamId));
        return list;
    }

    public synchronized boolean knows(String streamId) {
        return streams.containsKey(streamId);
    }

    /** The stream's captions in time order (empty for a stream never seen). */
    public synchronized List<Caption> captions(String streamId) {
        Stream s = streams.get(streamId);
        return s == null ? List.of() : List.copyOf(s.captions.values());
    }

    /** The stream's chapters and alerts in time order. */
    public synchronized List<TimelineMark> marks(String streamId) {
        Stream s = streams.get(streamId);
        return s == null ? List.of() : List.copyOf(s.marks.values());
    }

    private Stream stream(String id) {
        Stream s = streams.get(id);
        if (s == null) {
            if (streams.size() >= MAX_STREAMS) {
                streams.remove(streams.keySet().iterator().next());
            }
            s = new Stream();
            streams.put(id, s);
        }
        return s;
    }

    private static <V> void trim(TreeMap<String, V> items) {
        while (items.size() > MAX_ITEMS_PER_STREAM) {
            items.pollFirstEntry();
        }
    }

    /** Orders by time first (zero-padded, so string order is numeric order), then by id. */
    private static String sortKey(long startMs, String id) {
        return String.format("%019d|%s", startMs, id);
    }

}
