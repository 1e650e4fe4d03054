package io.streamlens.deploy.cli;

import io.streamlens.deploy.bench.BenchCommand;
import io.streamlens.sampler.JavaCppMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./streamlens}: turns video into text people and programs can use. */
@Command(name = "streamlens", mixinStandardHelpOptions = true, version = "StreamLens 0.1.0",
        description = "Streaming video understanding on Kafka, Flink, FFmpeg and ONNX Runtime.",
        subcommands = {DemoCommand.class, AnnotateCommand.class, PublishCommand.class, RunCommand.class, AskCommand.class,
                ViewCommand.class, KafkaCommand.class, ClusterCommand.class, BenchCommand.class})
public final class StreamLensCli {

    public static void main(String[] args) {
        JavaCppMemory.allowBeyondHeap(); // before anything touches JavaCPP, which reads its limits once
        System.exit(commandLine().execute(args));
    }

    /** The command line as users get it (tests run commands through this too). */
    public static CommandLine commandLine() {
        return new CommandLine(new StreamLensCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
