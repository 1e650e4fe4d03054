package io.streamlens.deploy.cli;

import io.streamlens.deploy.MetricsReporter;
import io.streamlens.deploy.cluster.ClusterDir;
import io.streamlens.deploy.cluster.ClusterSettings;
import io.streamlens.deploy.cluster.FlinkRest;
import io.streamlens.deploy.cluster.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "A local multi-process Flink standalone cluster: one JobManager and N TaskManager JVMs.",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class,
                ClusterCommand.StopJob.class})
final class ClusterCommand {

    static class Where {
        @Option(names = "--dir", defaultValue = "cluster", paramLabel = "DIR",
                description = "the cluster's folder: conf/, log/, checkpoints/, savepoints/ (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--flink-lib", paramLabel = "DIR", description = "Flink's runtime jars (default: flink-lib/target/lib of this checkout)")
        Path flinkLib;

        LocalCluster cluster() {
            return new LocalCluster(new ClusterDir(dir), flinkLib != null ? flinkLib : LocalCluster.defaultFlinkLib());
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the cluster, or bring a running one back to N TaskManagers (e.g. after one died).")
    static final class Start extends Where implements Callable<Integer> {
        @Option(names = "--taskmanagers", defaultValue = "1", paramLabel = "N", description = "TaskManager processes (default: ${DEFAULT-VALUE})")
        int taskManagers;

        @Option(names = "--slots", defaultValue = "2", paramLabel = "S", description = "task slots per TaskManager (default: ${DEFAULT-VALUE})")
        int slots;

        @Option(names = "--rest-port", defaultValue = "8081", description = "REST API and web UI port (default: ${DEFAULT-VALUE})")
        int restPort;

        @Option(names = "--taskmanager-memory", defaultValue = "3g", paramLabel = "SIZE",
                description = "process memory of each TaskManager, models included (default: ${DEFAULT-VALUE})")
        String taskManagerMemory;

        @Option(names = "--metrics-port", paramLabel = "PORT",
                description = "serve every process's metrics for Prometheus at http://localhost:PORT/metrics and the next "
                        + "ports, one per process (default: off; " + MetricsReporter.DEFAULT_PORT + " is the usual port)")
        Integer metricsPort;

        @Override
        public Integer call() {
            LocalCluster cluster = cluster();
            ClusterSettings settings = new ClusterSettings(taskManagers, slots, restPort, taskManagerMemory, metricsPort);
            FlinkRest rest = cluster.start(settings, Duration.ofMinutes(2));
            System.out.println("Flink cluster up: " + LocalCluster.describe(rest.overview().orElseThrow()));
            System.out.println("  web UI and REST  " + rest.webUi());
            System.out.println("  logs             " + cluster.dir().log());
            System.out.println("  checkpoints      " + cluster.dir().checkpoints());
            if (metricsPort != null) {
                System.out.println("  metrics          http://localhost:PORT/metrics, one PORT of " + settings.metricsPorts() + " per process");
            }
            System.out.println("submit with: ./streamlens run --jobmanager " + rest.webUi().getAuthority() + " --bootstrap-servers H:P");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop every process of the cluster.")
    static final class Stop extends Where implements Callable<Integer> {
        @Override
        public Integer call() {
            int stopped = cluster().stop(Duration.ofSeconds(20));
            System.out.println(stopped == 0 ? "no cluster process was running in " + dir.toAbsolutePath()
                    : "stopped " + stopped + " Flink processes");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Processes, slots and jobs; exit 1 when the cluster is down.")
    static final class Status extends Where implements Callable<Integer> {
        @Override
        public Integer call() {
            LocalCluster cluster = cluster();
            if (cluster.jobManager().isEmpty()) {
                System.out.println("no cluster running in " + dir.toAbsolutePath());
                return 1;
            }
            FlinkRest rest = cluster.rest().orElseThrow();
            System.out.println("JobManager pid " + cluster.jobManager().get().pid() + ", " + rest.webUi());
            cluster.taskManagers().forEach((name, p) -> System.out.println(name + " pid " + p.pid()));
            rest.overview().ifPresentOrElse(o -> System.out.println(LocalCluster.describe(o)),
                    () -> System.out.println("the JobManager does not answer (yet) at " + rest.webUi()));
            rest.overview().ifPresent(o -> rest.jobs().forEach(j -> System.out.println("job " + j.path("jid").asText() + " "
                    + j.path("name").asText() + " " + j.path("state").asText())));
            return 0;
        }
    }

    @Command(name = "stop-job", mixinStandardHelpOptions = true,
            description = "Stop a job with a savepoint (to rescale, upgrade or move it) and print how to start it again from there.")
    static final class StopJob extends Where implements Callable<Integer> {
        @Parameters(paramLabel = "JOB_ID", description = "the job's id (./streamlens cluster status lists them)")
        String jobId;

        @Option(names = "--jobmanager", paramLabel = "H:P", description = "any Flink cluster's REST endpoint (default: the local cluster in --dir)")
        String jobManager;

        @Override
        public Integer call() {
            FlinkRest rest = jobManager != null ? new FlinkRest(jobManager) : cluster().rest()
                    .orElseThrow(() -> new IllegalStateException("no cluster running in " + dir.toAbsolutePath() + "; give --jobmanager"));
            String savepoint = rest.stopWithSavepoint(jobId, Duration.ofMinutes(5));
            System.out.println("stopped job " + jobId + " with a savepoint: " + savepoint);
            System.out.println("start it again, with any parallelism: ./streamlens run --jobmanager " + rest.webUi().getAuthority()
                    + " --from-savepoint " + savepoint + " --parallelism N --bootstrap-servers H:P …");
            return 0;
        }
    }
}
