package io.streamlens.deploy.view;

import io.streamlens.records.LeastRecentlyUsed;
import io.streamlens.records.SegmentContainer;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.VideoSegment;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The newest segments of each live stream, whole (parts put back together), for the page to play a
 * few seconds behind live. Bounded three ways: {@link #SEGMENTS_PER_STREAM} segments per stream,
 * {@link #MAX_STREAMS} streams, and {@link #MAX_PENDING_BYTES} of parts waiting for their siblings;
 * a segment whose parts do not all arrive is dropped when a later one begins. Malformed parts and
 * containers off the allow-list are never kept.
 */
public final class LiveSegments {
    static final int SEGMENTS_PER_STREAM = 8;
    static final int MAX_STREAMS = 64;
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    /** What the page needs to place a segment: its number and where it starts on the stream's clock. */
    public record SegmentInfo(String streamId, long seq, long startMs) {
    }

    private record Pending(long seq, byte[][] parts) {
    }

    private final LinkedHashMap<String, TreeMap<Long, VideoSegment>> streams = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, Fmp4Remux.Playable> remuxed = LeastRecentlyUsed.map(SEGMENTS_PER_STREAM * 4);
    private final Consumer<SegmentInfo> onSegment;
    private long pendingBytes;

    public LiveSegments(Consumer<SegmentInfo> onSegment) {
        this.onSegment = onSegment;
    }

    public void add(SegmentPart part) {
        if (part.isMalformed() || SegmentContainer.of(part.container()).isEmpty()) {
            return;
        }
        VideoSegment whole = part.isWhole() ? part.toSegment(part.bytes(), SegmentContainer.of(part.container()).get()) : join(part);
        if (whole == null) {
            return;
        }
        synchronized (this) {
            TreeMap<Long, VideoSegment> segments = streams.get(whole.streamId());
            if (segments == null) {
                if (streams.size() >= MAX_STREAMS) {
                    streams.remove(streams.keySet().iterator().next());
                }
                segments = new TreeMap<>();
                streams.put(whole.streamId(), segments);
            }
            segments.put(whole.seq(), whole);
            while (segments.size() > SEGMENTS_PER_STREAM) {
                segments.pollFirstEntry();
            }
        }
        onSegment.accept(new SegmentInfo(whole.streamId(), whole.seq(), whole.startUs() / 1000));
    }

    private synchronized VideoSegment join(SegmentPart part) {
        Pending p = pending.get(part.streamId());
        if (p == null || p.seq() != part.seq() || p.parts().length != part.parts()) {
            drop(part.streamId());
            if (pendingBytes + part.bytes().length > MAX_PENDING_BYTES) {
                return null;
            }
            p = new Pending(part.seq(), new byte[part.parts()][]);
            pending.put(part.streamId(), p);
        }
        if (p.parts()[part.part()] == null) {
            if (pendingBytes + part.bytes().length > MAX_PENDING_BYTES) {
                drop(part.streamId());
                return null;
            }
            p.parts()[part.part()] = part.bytes();
            pendingBytes += part.bytes().length;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] b : p.parts()) {
            if (b == null) {
                return null;
            }
            bytes.writeBytes(b);
        }
        drop(part.streamId());
        return part.toSegment(bytes.toByteArray(), SegmentContainer.of(part.container()).get());
    }

    private void drop(String streamId) {
        Pending old = pending.remove(streamId);
        if (old != null) {
            for (byte[] b : old.parts()) {
                pendingBytes -= b == null ? 0 : b.length;
            }
        }
    }

    /** The streams with segments held. */
    public synchronized List<String> streamIds() {
        return List.copyOf(streams.keySet());
    }

    /** The segments held for a stream, oldest first. */
    public synchronized List<SegmentInfo> segments(String streamId) {
        TreeMap<Long, VideoSegment> segments = streams.get(streamId);
        List<SegmentInfo> list = new ArrayList<>();
        if (segments != null) {
            segments.values().forEach(s -> list.add(new SegmentInfo(s.streamId(), s.seq(), s.startUs() / 1000)));
        }
        return list;
    }

    /** A held segment as fragmented MP4, remuxed once and kept while it is among the newest. */
    public Optional<Fmp4Remux.Playable> playable(String streamId, long seq) throws Exception {
        VideoSegment segment;
        String key = streamId + "\n" + seq;
        synchronized (this) {
            Fmp4Remux.Playable done = remuxed.get(key);
            if (done != null) {
                return Optional.of(done);
            }
            TreeMap<Long, VideoSegment> segments = streams.get(streamId);
            segment = segments == null ? null : segments.get(seq);
        }
        if (segment == null) {
            return Optional.empty();
        }
        Fmp4Remux.Playable playable = Fmp4Remux.remux(segment);
        synchronized (this) {
            remuxed.put(key, playable);
        }
        return Optional.of(playable);
    }
}
