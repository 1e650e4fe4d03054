package io.streamlens.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A real multi-process Flink standalone cluster on this machine: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and N TaskManagers ({@code TaskManagerRunner}), each
 * its own JVM started from flink-lib, Flink's runtime as Maven resolves it. The processes outlive
 * the command that started them; their pid files in {@link ClusterDir} find them again.
 */
public final class LocalCluster {
    private static final String JOB_MANAGER = "jobmanager";
    private static final String TASK_MANAGER = "taskmanager-";

    private final ClusterDir dir;
    private final Path flinkLib;

    public LocalCluster(ClusterDir dir, Path flinkLib) {
        this.dir = dir;
        this.flinkLib = flinkLib.toAbsolutePath().normalize();
    }

    /**
     * flink-lib's output in this checkout, found from where this class was loaded (the shaded jar
     * or the classes folder), unless the system property {@code streamlens.flink-lib} names one.
     */
    public static Path defaultFlinkLib() {
        String configured = System.getProperty("streamlens.flink-lib");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path here = Path.of(LocalCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                Path lib = p.resolve("flink-lib").resolve("target").resolve("lib");
                if (Files.isDirectory(lib)) {
                    return lib;
                }
            }
            return here.resolveSibling("flink-lib");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public ClusterDir dir() {
        return dir;
    }

    /**
     * Starts the JobManager unless it runs, then TaskManagers until {@code settings.taskManagers()}
     * run (so after a TaskManager died, {@code start} again replaces it), and waits until the
     * JobManager sees them all.
     */
    public FlinkRest start(ClusterSettings settings, Duration timeout) {
        if (running(JOB_MANAGER).isEmpty()) {
            createFolders();
            ClusterConfigFiles.write(dir, settings.flinkConfig(dir, freePort()));
            launcher().startJobManager();
        }
        int wanted = settings.taskManagers();
        for (int missing = wanted - taskManagers().size(); missing > 0; missing--) {
            startTaskManager();
        }
        FlinkRest rest = rest().orElseThrow(() -> new IllegalStateException("the JobManager exited at once; see "
                + dir.log().resolve(JOB_MANAGER + ".out")));
        awaitTaskManagers(rest, wanted, timeout);
        return rest;
    }

    /** Starts one more TaskManager; returns its name. */
    public String startTaskManager() {
        String name = TASK_MANAGER + (taskManagers().keySet().stream()
                .mapToInt(n -> Integer.parseInt(n.substring(TASK_MANAGER.length()))).max().orElse(0) + 1);
        launcher().startTaskManager(name);
        return name;
    }

    /** The running TaskManager processes, by name. */
    public Map<String, ProcessHandle> taskManagers() {
        Map<String, ProcessHandle> found = new TreeMap<>();
        for (String name : pidFileNames()) {
            if (name.startsWith(TASK_MANAGER)) {
                running(name).ifPresent(p -> found.put(name, p));
            }
        }
        return found;
    }

    public Optional<ProcessHandle> jobManager() {
        return running(JOB_MANAGER);
    }

    /** The REST endpoint of a running cluster. */
    public Optional<FlinkRest> rest() {
        return jobManager().flatMap(p -> ClusterConfigFiles.read(dir, "rest.port")).map(port -> new FlinkRest("localhost:" + port));
    }

    /** Stops every process: politely, then with SIGKILL for those still there after {@code grace}. */
    public int stop(Duration grace) {
        int stopped = 0;
        for (String name : pidFileNames()) {
            Optional<ProcessHandle> process = running(name);
            if (process.isPresent()) {
                process.get().destroy();
                try {
                    process.get().onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    process.get().destroyForcibly();
                }
                stopped++;
            }
            deleteQuietly(dir.pidFile(name));
        }
        return stopped;
    }

    /** Only starting processes needs Flink's jars; finding, stopping and asking a cluster does not. */
    private FlinkProcessLauncher launcher() {
        if (!hasFlinkRuntime(flinkLib)) {
            throw new IllegalArgumentException("no Flink runtime in " + flinkLib + ": build it with `mvn -pl flink-lib package`");
        }
        return new FlinkProcessLauncher(dir, flinkLib);
    }

    private void awaitTaskManagers(FlinkRest rest, int wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            if (jobManager().isEmpty()) {
                throw new IllegalStateException("the JobManager exited; see " + dir.log().resolve(JOB_MANAGER + ".out")
                        + " and " + dir.logFile(JOB_MANAGER));
            }
            seen = rest.overview().map(o -> o.path("taskmanagers").asInt()).orElse(-1);
            if (seen >= wanted) {
                return;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new IllegalStateException("the JobManager saw " + Math.max(seen, 0) + " of " + wanted + " TaskManagers within "
                + timeout + "; see the logs in " + dir.log());
    }

    private Optional<ProcessHandle> running(String name) {
        Path pidFile = dir.pidFile(name);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LocalCluster::isFlinkJvm);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A stale pid file may name a process that reused the pid: only a java process counts. */
    private static boolean isFlinkJvm(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("java")).orElse(true);
    }

    private Iterable<String> pidFileNames() {
        if (!Files.isDirectory(dir.pids())) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(dir.pids())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pid"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createFolders() {
        try {
            for (Path p : new Path[] {dir.conf(), dir.log(), dir.pids(), dir.checkpoints(), dir.savepoints(),
                    dir.root().resolve("uploads"), dir.root().resolve("tmp")}) {
                Files.createDirectories(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.root(), e);
        }
    }

    private static boolean hasFlinkRuntime(Path lib) {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.anyMatch(p -> p.getFileName().toString().startsWith("flink-runtime-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a pid file left behind names no live process and is ignored next time
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Overview used by {@code cluster status}. */
    public static String describe(JsonNode overview) {
        return overview.path("taskmanagers").asInt() + " TaskManagers, " + overview.path("slots-available").asInt() + " of "
                + overview.path("slots-total").asInt() + " slots free, " + overview.path("jobs-running").asInt()
                + " jobs running (Flink " + overview.path("flink-version").asText() + ")";
    }
}
