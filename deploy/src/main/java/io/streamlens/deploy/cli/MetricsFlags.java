package io.streamlens.deploy.cli;

import io.streamlens.deploy.MetricsReporter;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/** {@code --metrics-port} of the commands that run the job in this JVM: Flink's Prometheus reporter, off unless given. */
final class MetricsFlags {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "serve the job's metrics (Flink's and streamlens_*) for Prometheus at http://localhost:PORT/metrics "
                    + "(default: off; " + MetricsReporter.DEFAULT_PORT + " is the usual port)")
    Integer port;

    /** {@code conf} with the reporter when a port was given. */
    Configuration apply(Configuration conf) {
        return port == null ? conf : MetricsReporter.on(conf, port);
    }

    /** What the commands print, so that a person knows where to point Prometheus. */
    void announce() {
        if (port != null) {
            System.out.println("metrics for Prometheus at http://localhost:" + port + "/metrics");
        }
    }
}
