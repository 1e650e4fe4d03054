package io.streamlens.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.inference.vlm.VlmPack;
import org.junit.jupiter.api.Test;

class SharedSessionsTest {

    @Test
    void sharesOnePackPerJvmAndClosesItWithTheLastUser() {
        RuntimeOptions options = RuntimeOptions.defaults().withIntraOpThreads(1);
        int before = SharedSessions.openPacks();

        PackHandle first = SharedSessions.acquire("tiny-color", options);
        PackHandle second = SharedSessions.acquire("tiny-color", options);

        assertThat(second.pack()).isSameAs(first.pack());
        assertThat(SharedSessions.openPacks()).isEqualTo(before + 1);
        VlmPack vlm = first.vlm();

        first.close();
        first.close(); // a handle releases its share once
        assertThat(SharedSessions.openPacks()).isEqualTo(before + 1);
        assertThat(vlm.caption(vlm.encodeImage(RgbImage.filled(20, 20, 255, 255, 255))).text()).isEqualTo("white");

        second.close();
        assertThat(SharedSessions.openPacks()).isEqualTo(before);
        PackHandle third = SharedSessions.acquire("tiny-color", options);
        assertThat(third.pack()).isNotSameAs(vlm);
        third.close();
    }

    @Test
    void keepsPacksWithDifferentOptionsApart() {
        try (PackHandle one = SharedSessions.acquire("tiny-color", RuntimeOptions.defaults().withIntraOpThreads(1));
                PackHandle two = SharedSessions.acquire("tiny-color", RuntimeOptions.defaults().withIntraOpThreads(2))) {
            assertThat(one.pack()).isNotSameAs(two.pack());
        }
    }

    @Test
    void namesTheKindWhenAPackIsUsedAsTheOther() {
        try (PackHandle handle = SharedSessions.acquire("tiny-color", RuntimeOptions.defaults())) {
            assertThatThrownBy(handle::perception).hasMessage("model pack tiny-color is a vlm pack, not perception");
        }
    }
}
