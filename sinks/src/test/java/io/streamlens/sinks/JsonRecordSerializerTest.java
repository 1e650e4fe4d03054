package io.streamlens.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class JsonRecordSerializerTest {
    private final JsonRecordSerializer<Answer> answers = new JsonRecordSerializer<>("video.answers", Answer.class, Answer::streamId);

    @Test
    void aRecordIsKeyedByItsStream() {
        ProducerRecord<byte[], byte[]> r = answers.serialize(new Answer("q", "cam", "?", "no", List.of()), null, null);
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("cam");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"queryId\":\"q\"");
    }

    @Test
    void anAnswerAboutEveryStreamGoesWithoutAKey() {
        ProducerRecord<byte[], byte[]> r = answers.serialize(new Answer("q", null, "?", "no", List.of()), null, null);
        assertThat(r.key()).isNull();
    }
}
