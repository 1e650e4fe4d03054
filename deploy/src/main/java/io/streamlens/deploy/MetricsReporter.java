package io.streamlens.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * Flink's Prometheus reporter: every metric of the job (Flink's own and StreamLens' {@code
 * streamlens_*}) served at {@code http://host:port/metrics} by each JobManager and TaskManager
 * process. A MiniCluster is one process and takes one port; on a cluster with several processes
 * per host, give a range ({@code 9249-9252}) and each process takes the first free port of it.
 */
public final class MetricsReporter {
    /** Prometheus' registered default port for Flink's reporter. */
    public static final int DEFAULT_PORT = 9249;
    static final String PREFIX = "metrics.reporter.prometheus.";
    static final String FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    private MetricsReporter() {
    }

    /**
     * The reporter's settings, as Flink's configuration keys.
     *
     * @param ports a port ({@code 9249}) or an inclusive range ({@code 9249-9252})
     */
    public static Map<String, String> settings(String ports) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(PREFIX + "factory.class", FACTORY);
        settings.put(PREFIX + "port", checkedPorts(ports));
        return settings;
    }

    /** {@code conf} with the reporter on {@code port} (this JVM's MiniCluster). */
    public static Configuration on(Configuration conf, int port) {
        Configuration c = new Configuration(conf);
        settings(String.valueOf(port)).forEach((key, value) -> c.set(ConfigOptions.key(key).stringType().noDefaultValue(), value));
        return c;
    }

    /** A range of one port per process, from {@code first}: a port when there is one process. */
    public static String rangeFor(int first, int processes) {
        checkedPort(first);
        checkedPort(first + processes - 1);
        return processes == 1 ? String.valueOf(first) : first + "-" + (first + processes - 1);
    }

    static String checkedPorts(String ports) {
        String[] ends = ports.split("-", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException("a metrics port is a number or a range low-high, got " + ports);
        }
        int low = checkedPort(parse(ends[0], ports));
        int high = ends.length == 2 ? checkedPort(parse(ends[1], ports)) : low;
        if (high < low) {
            throw new IllegalArgumentException("the metrics port range " + ports + " is empty");
        }
        return low == high ? String.valueOf(low) : low + "-" + high;
    }

    private static int parse(String number, String ports) {
        try {
            return Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a metrics port is a number or a range low-high, got " + ports, e);
        }
    }

    /** 0 (any free port) is refused: Prometheus must know where to scrape. */
    static int checkedPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a metrics port is between 1 and 65535, got " + port);
        }
        return port;
    }
}
