package io.streamlens.deploy.cli;

import io.streamlens.deploy.view.QueryClient;
import io.streamlens.records.Answer;
import io.streamlens.records.Durations;
import io.streamlens.records.Query;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask a question about a stream a running job has seen, or about every stream (--all); "
                + "prints the answer and when (and in which stream) it was seen.")
final class AskCommand implements Callable<Integer> {
    @Mixin
    KafkaFlags kafka;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--stream-id", description = "the stream to ask about")
        String streamId;

        @Option(names = "--all", description = "ask every stream the job holds; the best windows of all, each with its stream")
        boolean all;
    }

    @Option(names = "--from", converter = DurationConverter.class, description = "only from this time on (e.g. 90s, 1.5m)")
    Duration from;

    @Option(names = "--to", converter = DurationConverter.class, description = "only up to this time")
    Duration to;

    @Option(names = "--timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "give up after (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Parameters(arity = "1", paramLabel = "QUESTION")
    String question;

    @Override
    public Integer call() throws Exception {
        Long fromMs = from == null ? null : from.toMillis();
        Long toMs = to == null ? null : to.toMillis();
        String id = UUID.randomUUID().toString();
        Query query = which.all ? Query.everyStream(id, question, fromMs, toMs) : new Query(id, which.streamId, question, fromMs, toMs, null);
        try (QueryClient client = new QueryClient(kafka.toConfig())) {
            print(client.ask(query, timeout).get());
            return 0;
        } catch (ExecutionException e) {
            System.err.println("no answer within " + timeout.toSeconds() + " s: is a StreamLens job running against these topics?");
            return 2;
        }
    }

    static void print(Answer answer) {
        System.out.println(answer.answer());
        answer.evidence().forEach(s -> System.out.printf("  %s%s–%s  %s%n", s.streamId() == null ? "" : s.streamId() + " ",
                Durations.clock(s.startMs()), Durations.clock(s.endMs()), s.text()));
    }
}
