package io.streamlens.deploy.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void aClosedRangeIsServedAsAsked() {
        assertThat(ByteRange.parse("bytes=100-199", 1000)).contains(new ByteRange(100, 199));
    }

    @Test
    void anOpenRangeRunsToTheEndOfTheFile() {
        assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 999));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
    }

    @Test
    void aRangePastTheEndIsClippedToTheFile() {
        assertThat(ByteRange.parse("bytes=0-99999", 1000)).contains(new ByteRange(0, 999));
    }

    @Test
    void aRangeStartingBeyondTheFileIsUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=500-400", 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatDoesNotParseGetsTheWholeFile() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "items=0-1", "bytes=0-1,5-9", "bytes=a-5",
                "bytes=5-b", "bytes=99999999999999999999-", "bytes=" + "1".repeat(300) + "-"}) {
            assertThat(ByteRange.parse(header, 1000)).as(header).isEmpty();
        }
    }

    @Test
    void noHeaderEverYieldsARangeOutsideTheFile() {
        Random random = new Random(17);
        String alphabet = "bytes=-0123456789, ";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "bytes=" : "");
            for (int n = random.nextInt(14); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            long length = 1 + random.nextInt(5000);
            Optional<ByteRange> range;
            try {
                range = ByteRange.parse(header.toString(), length);
            } catch (IllegalArgumentException unsatisfiable) {
                continue;
            }
            range.ifPresent(r -> assertThat(r.first()).as(header.toString()).isBetween(0L, r.last()));
            range.ifPresent(r -> assertThat(r.last()).as(header.toString()).isLessThan(length));
        }
    }
}
