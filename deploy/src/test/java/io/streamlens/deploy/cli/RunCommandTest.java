package io.streamlens.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.deploy.JobOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {
    @Test
    void theJobJarGetsEveryJobFlagButNoneOfTheSubmittersOwn() {
        List<String> original = List.of("--bootstrap-servers", "k:9092", "--jobmanager", "jm:8081", "--parallelism", "4",
                "--out=frames", "--checkpoint-dir", "chk", "--sampler", "scene", "--from-savepoint", "/sp/1",
                "--job-jar", "x.jar", "--perceive", "text,speech");

        assertThat(RunCommand.forwardedArgs(original)).containsExactly(
                "--bootstrap-servers", "k:9092", "--parallelism", "4", "--sampler", "scene", "--perceive", "text,speech");
    }

    @Test
    void whatIsForwardedParsesAsTheClusterJobsFlags() {
        List<String> forwarded = RunCommand.forwardedArgs(List.of("--bootstrap-servers", "k:9092", "--jobmanager", "jm:8081",
                "--delivery", "at_least_once", "--window", "6s"));
        ClusterJob job = new ClusterJob();
        new CommandLine(job).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(forwarded.toArray(String[]::new));

        assertThat(job.kafka.bootstrapServers).isEqualTo("k:9092");
        assertThat(job.job.toOptions().windows().spec().windowUs()).isEqualTo(6_000_000L);
    }

    @Test
    void theFlagsDefaultsAreTheOptionsDefaults() {
        ClusterJob job = new ClusterJob();
        new CommandLine(job).parseArgs("--bootstrap-servers", "k:9092");

        assertThat(job.job.toOptions()).isEqualTo(JobOptions.defaults());
    }

    @Test
    void aMetricsPortIsRefusedWhenTheJobGoesToACluster() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = StreamLensCli.commandLine();
        cli.getSubcommands().get("run").setErr(new java.io.PrintWriter(err));

        int status = cli.execute("run", "--bootstrap-servers", "k:9092", "--jobmanager", "jm:8081", "--metrics-port", "9249",
                "--checkpoint-dir", "target/no-checkpoints");

        assertThat(status).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("cluster start");
    }
}
