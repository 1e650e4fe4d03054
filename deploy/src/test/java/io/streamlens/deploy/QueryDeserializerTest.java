package io.streamlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Query;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryDeserializerTest {
    private static Query read(String key, String value) {
        return QueryDeserializer.read(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), "offset-0-7");
    }

    @Test
    void aValidQueryIsReadWithItsSpan() {
        Query query = read("cam", "{\"queryId\":\"q1\",\"streamId\":\"cam\",\"question\":\"what?\",\"fromMs\":1000,\"toMs\":2000}");
        assertThat(query).isEqualTo(new Query("q1", "cam", "what?", 1000L, 2000L, null));
    }

    @Test
    void theKeyNamesTheStreamWhenTheQueryDoesNot() {
        assertThat(read("cam", "{\"queryId\":\"q1\",\"question\":\"what?\"}").streamId()).isEqualTo("cam");
    }

    @Test
    void aTombstoneBecomesAnUnreadableQueryNotNull() {
        Query query = read("cam", null);
        assertThat(query.problem()).contains("no value");
        assertThat(query.queryId()).isEqualTo("offset-0-7");
        assertThat(query.streamId()).isEqualTo("cam");
    }

    @Test
    void jsonThatIsNotAnObjectIsUnreadable() {
        for (String value : new String[] {"null", "[]", "42", "\"what?\"", "true", "{", ""}) {
            Query query = read(null, value);
            assertThat(query).as(value).isNotNull();
            assertThat(query.problem()).as(value).isNotBlank();
        }
    }

    @Test
    void aWrongTypedFieldKeepsTheQueryIdSoTheAskerHearsWhy() {
        Query query = read("cam", "{\"queryId\":\"q9\",\"streamId\":\"cam\",\"question\":\"what?\",\"fromMs\":\"soon\"}");
        assertThat(query.queryId()).isEqualTo("q9");
        assertThat(query.problem()).contains("fromMs");
        assertThat(read("cam", "{\"queryId\":17,\"question\":[1]}").queryId()).isEqualTo("17");
        assertThat(read("cam", "{\"queryId\":\"q3\",\"question\":\"x\",\"toMs\":-5}").problem()).contains("toMs");
    }

    @Test
    void overlongIdsAndRecordsAreRefused() {
        assertThat(read("cam", "{\"queryId\":\"" + "q".repeat(300) + "\",\"question\":\"x\"}").problem()).contains("queryId");
        assertThat(read("cam", "{\"question\":\"" + "x".repeat(20_000) + "\"}").problem()).contains("bytes");
    }

    @Test
    void randomBytesAlwaysGiveAQueryAndNeverThrow() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            byte[] key = random.nextInt(4) == 0 ? null : randomBytes(random, 20);
            byte[] value = random.nextInt(8) == 0 ? null : mutated(random);
            Query query = QueryDeserializer.read(key, value, "offset-" + i);
            assertThat(query).isNotNull();
            assertThat(query.queryId()).isNotBlank();
            if (query.streamId() == null) {
                assertThat(query.problem()).as("only a readable question may be about every stream").isNull();
            }
        }
    }

    @Test
    void aQueryWithNeitherKeyNorStreamIdAsksEveryStream() {
        Query query = QueryDeserializer.read(null, "{\"queryId\":\"q\",\"question\":\"which camera saw a dog?\"}"
                .getBytes(StandardCharsets.UTF_8), "offset-0");
        assertThat(query.asksEveryStream()).isTrue();
        assertThat(query.problem()).isNull();
        assertThat(QueryDeserializer.read(null, "{\"queryId\":\"q\",\"question\":5}".getBytes(StandardCharsets.UTF_8), "o")
                .streamId()).as("a broken query is answered on a stream's path").isEqualTo("unknown");
    }

    private static byte[] mutated(Random random) {
        byte[] base = "{\"queryId\":\"q\",\"streamId\":\"cam\",\"question\":\"who is there?\",\"fromMs\":0}"
                .getBytes(StandardCharsets.UTF_8);
        if (random.nextBoolean()) {
            return randomBytes(random, 200);
        }
        for (int j = 0; j < 1 + random.nextInt(5); j++) {
            base[random.nextInt(base.length)] = (byte) random.nextInt(256);
        }
        return base;
    }

    private static byte[] randomBytes(Random random, int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }
}
