package io.streamlens.deploy.cli;

import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.view.ViewerOptions;
import io.streamlens.deploy.view.ViewerServer;
import io.streamlens.records.Caption;
import io.streamlens.records.Durations;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;

/**
 * {@code demo --serve} and {@code annotate --serve}: the local pipeline run live (unbounded, so it
 * stays up to answer the page's questions), the sources published into it, and the viewer over its
 * topics, until the process is stopped. Captions are printed as they arrive, as without
 * {@code --serve}.
 */
final class ServedDemo {
    /** Short, so that captions (committed with each checkpoint) reach the page soon. */
    private static final Duration CHECKPOINTS = Duration.ofSeconds(2);

    private ServedDemo() {
    }

    static int run(JobOptions options, List<String> sources, List<String> streamIds, ViewerOptions viewerOptions,
                   Consumer<Caption> print) throws Exception {
        try (LocalPipeline local = LocalPipeline.start();
             ViewerServer viewer = ViewerServer.start(viewerOptions, local.kafka());
             CaptionTail tail = new CaptionTail(local.kafka(), print)) {
            JobClient job = local.startLive(options, CHECKPOINTS, true);
            System.out.println("StreamLens viewer on " + viewer.url() + " (Ctrl-C to stop)");
            local.publish(sources, streamIds).forEach(Reports::print);
            System.out.println("captioning with " + options.models().pack() + " …");
            job.getJobExecutionResult().get(); // a live job ends only when it fails
            return 1;
        }
    }

    static void print(Caption c) {
        System.out.printf("[%s %s–%s] %s%n", c.streamId(), Durations.clock(c.startMs()), Durations.clock(c.endMs()), c.text());
    }
}
