package io.streamlens.deploy.cli;

import io.streamlens.events.rules.BadRule;
import io.streamlens.events.rules.Rule;
import io.streamlens.events.rules.RuleParser;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --rules FILE}: a JSON array of alert rules, checked whole before anything runs and then
 * published to {@code video.rules} like any rule, so a running job and a restarted one see the
 * same rules (republishing an unchanged rule changes nothing).
 */
final class RuleFlags {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", description = "alert rules (a JSON array) to publish to video.rules before the job starts; alerts.jsonl")
    Path rulesFile;

    boolean any() {
        return rulesFile != null;
    }

    /** The file's rules; refuses the whole file, naming each bad rule, when any is bad. */
    List<Rule> read() {
        if (rulesFile == null) {
            return List.of();
        }
        try {
            if (Files.size(rulesFile) > (long) RuleParser.MAX_RULES_PER_FILE * RuleParser.MAX_RULE_BYTES) {
                throw new ParameterException(spec.commandLine(), rulesFile + " is too large to be a rules file");
            }
            return RuleParser.parseFile(Files.readString(rulesFile, StandardCharsets.UTF_8));
        } catch (BadRule e) {
            throw new ParameterException(spec.commandLine(), rulesFile + ": " + e.getMessage(), e, null, null);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + rulesFile + ": " + e.getMessage(), e, null, null);
        }
    }

    /** Publishes the rules keyed by rule id and waits until Kafka has them all. */
    static void publish(KafkaClientConfig kafka, List<Rule> rules) throws Exception {
        if (rules.isEmpty()) {
            return;
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.properties(), new StringSerializer(), new StringSerializer())) {
            for (Rule rule : rules) {
                producer.send(new ProducerRecord<>(Topics.RULES, rule.ruleId(), rule.source())).get();
            }
        }
        System.out.println("published " + rules.size() + " alert rule" + (rules.size() == 1 ? "" : "s") + " to " + Topics.RULES);
    }
}
