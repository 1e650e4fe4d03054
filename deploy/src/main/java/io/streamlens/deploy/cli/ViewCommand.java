package io.streamlens.deploy.cli;

import io.streamlens.deploy.view.ViewerServer;
import io.streamlens.sampler.SamplingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "view", mixinStandardHelpOptions = true,
        description = "A web page on this machine over a running job's topics: the streams it has seen, each with its video, "
                + "captions as subtitles, object and face boxes, chapters and alerts on a timeline, and an ask box. "
                + "Archived videos play from the files given with --video; live streams from their newest segments in Kafka.")
final class ViewCommand implements Callable<Integer> {
    @Mixin
    KafkaFlags kafka;

    @Mixin
    ServeFlags serve;

    @Option(names = "--video", paramLabel = "FILE",
            description = "a video file the job was given (its stream id is its name without extension); only these files are served")
    List<String> videos = new ArrayList<>();

    @Option(names = "--frame-size", paramLabel = "PX",
            description = "the job's --frame-size, which face boxes are measured in (default: ${DEFAULT-VALUE})")
    int frameSize = SamplingOptions.DEFAULT.frameSize().maxSide();

    @Override
    public Integer call() throws Exception {
        try (ViewerServer viewer = ViewerServer.start(serve.options(videos, frameSize), kafka.toConfig())) {
            System.out.println("StreamLens viewer on " + viewer.url() + " (Ctrl-C to stop)");
            new CountDownLatch(1).await(); // serves until the process is stopped
        }
        return 0;
    }
}
