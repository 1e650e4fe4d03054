package io.streamlens.deploy.cli;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./streamlens}: turns video into text people and programs can use. */
@Command(name = "streamlens", mixinStandardHelpOptions = true, version = "StreamLens 0.1.0",
        description = "Streaming video understanding on Kafka, Flink, FFmpeg and ONNX Runtime.",
        subcommands = {DemoCommand.class, AnnotateCommand.class, PublishCommand.class, RunCommand.class, AskCommand.class,
                KafkaCommand.class, BenchCommand.class})
public final class StreamLensCli {

    public static void main(String[] args) {
        // Damage is reported as dead letters; FFmpeg's own per-macroblock complaints would drown them.
        av_log_set_level(AV_LOG_FATAL);
        int status = new CommandLine(new StreamLensCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(status);
    }
}
