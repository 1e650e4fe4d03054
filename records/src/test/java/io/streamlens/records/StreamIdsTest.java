package io.streamlens.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdsTest {
    @Test
    void streamIdIsTheFileNameWithoutExtension() {
        assertThat(StreamIds.fromSource("city.mpg")).isEqualTo("city");
        assertThat(StreamIds.fromSource("/videos/archive/2024/harbour.cam.mp4")).isEqualTo("harbour.cam");
        assertThat(StreamIds.fromSource("clip")).isEqualTo("clip");
    }

    @Test
    void streamIdOfAUrlIsTheLastPathPart() {
        assertThat(StreamIds.fromSource("rtsp://camera.local:554/live/gate7.sdp")).isEqualTo("gate7");
        assertThat(StreamIds.fromSource("udp://239.0.0.1:1234")).isEqualTo("239.0.0.1");
    }
}
