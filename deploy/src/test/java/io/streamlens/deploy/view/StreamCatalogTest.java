package io.streamlens.deploy.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Caption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCatalogTest {
    private static Caption caption(String stream, long startMs) {
        return new Caption(stream, Caption.idOf(stream, startMs), startMs, startMs + 4000, "window at " + startMs, "",
                new Caption.Evidence(List.of(), List.of(), List.of(), 4), null, "perception");
    }

    @Test
    void captionsAreKeptInTimeOrderOncePerWindow() {
        StreamCatalog catalog = new StreamCatalog();
        List<StreamCatalog.Update> heard = new ArrayList<>();
        catalog.listen(heard::add);
        assertThat(catalog.add(caption("a", 12_000))).isTrue();
        assertThat(catalog.add(caption("a", 3_000))).isTrue();
        assertThat(catalog.add(caption("a", 12_000))).as("a repeat").isFalse();
        assertThat(catalog.captions("a")).extracting(Caption::startMs).containsExactly(3_000L, 12_000L);
        assertThat(heard).hasSize(2);
        assertThat(catalog.streams()).containsExactly(new StreamCatalog.StreamSummary("a", 2, 0, 0, 16_000));
    }

    @Test
    void chaptersAndAlertsAreCountedApart() {
        StreamCatalog catalog = new StreamCatalog();
        catalog.add(new TimelineMark(TimelineMark.CHAPTER, "a/0", "a", 0, 10, "t", ""));
        catalog.add(new TimelineMark(TimelineMark.ALERT, "x", "a", 5, 6, "r", ""));
        catalog.add(new TimelineMark(TimelineMark.ALERT, "x", "a", 5, 6, "r", ""));
        assertThat(catalog.marks("a")).hasSize(2);
        assertThat(catalog.streams().get(0)).extracting(StreamCatalog.StreamSummary::chapters, StreamCatalog.StreamSummary::alerts)
                .containsExactly(1, 1);
    }

    @Test
    void eachStreamKeepsOnlyItsNewestCaptions() {
        StreamCatalog catalog = new StreamCatalog();
        for (int i = 0; i < StreamCatalog.MAX_ITEMS_PER_STREAM + 5; i++) {
            catalog.add(caption("long", i * 1000L));
        }
        List<Caption> kept = catalog.captions("long");
        assertThat(kept).hasSize(StreamCatalog.MAX_ITEMS_PER_STREAM);
        assertThat(kept.get(0).startMs()).isEqualTo(5_000);
    }

    @Test
    void theLeastRecentlyUpdatedStreamMakesRoomForANewOne() {
        StreamCatalog catalog = new StreamCatalog();
        for (int i = 0; i < StreamCatalog.MAX_STREAMS; i++) {
            catalog.add(caption("s" + i, 0));
        }
        catalog.add(caption("s0", 4_000)); // s0 is active again; s1 is now the stalest
        catalog.add(caption("new", 0));
        assertThat(catalog.knows("s0")).isTrue();
        assertThat(catalog.knows("s1")).isFalse();
        assertThat(catalog.knows("new")).isTrue();
        assertThat(catalog.streams()).hasSize(StreamCatalog.MAX_STREAMS);
    }

    @Test
    void captionsThatCannotBePlacedAreRefused() {
        StreamCatalog catalog = new StreamCatalog();
        assertThat(catalog.add(caption("x".repeat(StreamCatalog.MAX_STREAM_ID_CHARS + 1), 0))).isFalse();
        assertThat(catalog.add(new Caption("s", "s/-5", -5, 0, "t", "", null, null, "m"))).isFalse();
        assertThat(catalog.streams()).isEmpty();
    }
}
