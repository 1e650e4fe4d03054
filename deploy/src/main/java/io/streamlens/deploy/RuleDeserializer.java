package io.streamlens.deploy;

import io.streamlens.events.rules.RuleParser;
import io.streamlens.events.rules.RuleText;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code video.rules}: every record becomes one {@link RuleText}, read by {@code ReadRules};
 * a record too large to be a rule carries only why, so its bytes never reach the job's state.
 */
public class RuleDeserializer implements KafkaRecordDeserializationSchema<RuleText> {
    private static final int MAX_KEY_CHARS = 256;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RuleText> out) {
        out.collect(read(record.key(), record.value(), record.topic() + "/" + record.partition() + "/" + record.offset()));
    }

    static RuleText read(byte[] key, byte[] value, String origin) {
        String keyText = key == null ? "" : new String(key, StandardCharsets.UTF_8);
        if (keyText.length() > MAX_KEY_CHARS) {
            keyText = "";
        }
        if (value != null && value.length > RuleParser.MAX_RULE_BYTES) {
            return new RuleText(origin, keyText, "", "the record has " + value.length + " bytes; a rule may have at most "
                    + RuleParser.MAX_RULE_BYTES);
        }
        return new RuleText(origin, keyText, value == null ? "" : new String(value, StandardCharsets.UTF_8), "");
    }

    @Override
    public TypeInformation<RuleText> getProducedType() {
        return TypeInformation.of(RuleText.class);
    }
}
