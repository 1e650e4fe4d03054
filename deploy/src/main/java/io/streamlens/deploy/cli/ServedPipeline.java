package io.streamlens.deploy.cli;

import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.view.ViewerOptions;
import io.streamlens.deploy.view.ViewerServer;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.records.Caption;
import io.streamlens.records.KafkaClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;

/**
 * {@code demo --serve}: the local pipeline run live (unbounded, so that it stays up to answer the
 * page's questions), with the viewer over its topics and captions printed as they arrive. Public
 * so that the browser test starts exactly what the command starts.
 */
public final class ServedPipeline implements AutoCloseable {
    /** Short, so that captions (committed with each checkpoint) reach the page soon. */
    private static final Duration CHECKPOINTS = Duration.ofSeconds(2);

    private final LocalPipeline local;
    private final ViewerServer viewer;
    private final CaptionTail tail;
    private final JobClient job;

    private ServedPipeline(LocalPipeline local, ViewerServer viewer, CaptionTail tail, JobClient job) {
        this.local = local;
        this.viewer = viewer;
        this.tail = tail;
        this.job = job;
    }

    public static ServedPipeline start(JobOptions options, ViewerOptions viewerOptions, Consumer<Caption> captions) throws Exception {
        LocalPipeline local = LocalPipeline.start();
        try {
            ViewerServer viewer = ViewerServer.start(viewerOptions, local.kafka());
            CaptionTail tail = new CaptionTail(local.kafka(), captions);
            return new ServedPipeline(local, viewer, tail, local.startLive(options, CHECKPOINTS, true));
        } catch (Exception e) {
            local.close();
            throw e;
        }
    }

    /** Runs until the process is stopped (or the job fails: status 1). */
    static int run(JobOptions options, List<String> sources, List<String> streamIds, ViewerOptions viewerOptions,
                   Consumer<Caption> print) throws Exception {
        try (ServedPipeline served = start(options, viewerOptions, print)) {
            System.out.println("StreamLens viewer on " + served.url() + " (Ctrl-C to stop)");
            served.publish(sources, streamIds).forEach(Reports::print);
            System.out.println("captioning with " + options.models().pack() + " …");
            served.job.getJobExecutionResult().get(); // a live job ends only when it fails
            return 1;
        }
    }

    public List<PublishReport> publish(List<String> sources, List<String> streamIds) throws Exception {
        return local.publish(sources, streamIds);
    }

    public KafkaClientConfig kafka() {
        return local.kafka();
    }

    public String url() {
        return viewer.url();
    }

    public JobClient job() {
        return job;
    }

    @Override
    public void close() throws Exception {
        try (local; viewer; tail) {
            job.cancel().get();
        }
    }
}
