package io.streamlens.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts Flink's own entry points as separate JVMs, the way Flink's {@code bin/} scripts do:
 * memory settings from {@code BashJavaUtils}, the JDK 17 opens from Flink's default options, one
 * log per process. The JVM options go through an argument file: ONNX Runtime crashes in processes
 * whose command line is longer than about 4 KB.
 */
final class FlinkProcessLauncher {
    static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /** Flink's {@code env.java.default-opts.all}: what Flink needs opened on JDK 17. */
    private static final List<String> JDK_OPENS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final ClusterDir dir;
    private final Path flinkLib;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    FlinkProcessLauncher(ClusterDir dir, Path flinkLib) {
        this.dir = dir;
        this.flinkLib = flinkLib;
    }

    Process startJobManager() {
        return start("jobmanager", JOB_MANAGER_MAIN, "GET_JM_RESOURCE_PARAMS");
    }

    Process startTaskManager(String name) {
        return start(name, TASK_MANAGER_MAIN, "GET_TM_RESOURCE_PARAMS");
    }

    private Process start(String name, String mainClass, String resourceQuery) {
        List<String> resources = resourceParams(resourceQuery);
        List<String> jvm = new ArrayList<>(Arrays.asList(resources.get(0).trim().split("\\s+")));
        jvm.addAll(JDK_OPENS);
        jvm.add("-Dlog.file=" + dir.logFile(name));
        jvm.add("-Dlog4j.configurationFile=" + dir.conf().resolve(ClusterConfigFiles.LOG4J).toUri());
        jvm.add("-cp");
        jvm.add(flinkLib.resolve("*").toString());
        jvm.add(mainClass);
        jvm.add("--configDir");
        jvm.add(dir.conf().toString());
        jvm.addAll(dynamicParams(resources.get(1)));
        try {
            Path argFile = dir.pids().resolve(name + ".args");
            Files.writeString(argFile, String.join("\n", jvm.stream().map(FlinkProcessLauncher::quoted).toList()));
            Process process = new ProcessBuilder(java.toString(), "@" + argFile)
                    .directory(dir.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.log().resolve(name + ".out").toFile()))
                    .start();
            Files.writeString(dir.pidFile(name), Long.toString(process.pid()));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " process", e);
        }
    }

    /** Runs BashJavaUtils as Flink's scripts do: line 1 is JVM options, line 2 the dynamic configuration. */
    private List<String> resourceParams(String query) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-cp", flinkLib.resolve("*").toString(), BASH_JAVA_UTILS, query,
                    "--configDir", dir.conf().toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("Flink could not size the processes from " + dir.conf() + ":\n" + output);
            }
            List<String> results = output.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                    .map(l -> l.substring(RESULT_PREFIX.length())).toList();
            if (results.size() < 2) {
                throw new IllegalStateException("unexpected BashJavaUtils output:\n" + output);
            }
            return results.subList(results.size() - 2, results.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + java, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code -D key=value -D key=value} → {@code -D, key=value, …}, the form the entry points parse. */
    private static List<String> dynamicParams(String line) {
        List<String> params = new ArrayList<>();
        for (String part : line.trim().split("\\s*-D\\s+")) {
            if (!part.isBlank()) {
                params.add("-D");
                params.add(part.trim());
            }
        }
        return params;
    }

    private static String quoted(String token) {
        return "\"" + token.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
