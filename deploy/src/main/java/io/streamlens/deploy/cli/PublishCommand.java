package io.streamlens.deploy.cli;

import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.records.StreamIds;
import io.streamlens.records.Topics;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish video files or FFmpeg URLs (rtsp://, http(s)://, udp://…) into Kafka as keyframe-aligned segments.")
final class PublishCommand implements Callable<Integer> {
    @Mixin
    KafkaFlags kafka;

    @Option(names = "--topic", defaultValue = Topics.SEGMENTS, description = "segment topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--stream-id", description = "stream id (default: the source's file name without extension); only with one source")
    String streamId;

    @Option(names = "--realtime", description = "pace segments at the video's own speed, as a live source would")
    boolean realtime;

    @Option(names = "--max-message-bytes", defaultValue = "" + PublishOptions.DEFAULT_MAX_PART_BYTES,
            description = "segments larger than this are split into parts (default: ${DEFAULT-VALUE})")
    int maxMessageBytes;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "video files or URLs")
    List<String> sources;

    @Override
    public Integer call() {
        if (streamId != null && sources.size() > 1) {
            throw new IllegalArgumentException("--stream-id names one stream; give one source with it");
        }
        PublishOptions options = PublishOptions.defaults().withTopic(topic).withRealtime(realtime).withMaxPartBytes(maxMessageBytes);
        int failures = 0;
        try (SegmentPublisher publisher = new SegmentPublisher(kafka.toConfig(), options)) {
            for (String source : sources) {
                PublishReport report = publisher.publish(source, streamId != null ? streamId : StreamIds.fromSource(source));
                Reports.print(report);
                failures += report.failed() ? 1 : 0;
            }
        } catch (KafkaException e) {
            // The broker, not the source, failed: nothing may be reported as published.
            System.err.println("publish failed: " + e.getMessage());
            return 1;
        }
        return failures == 0 ? 0 : 1;
    }
}
