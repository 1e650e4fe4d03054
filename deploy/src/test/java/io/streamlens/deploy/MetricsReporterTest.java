package io.streamlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsReporterTest {
    @Test
    void settingsNameFlinksPrometheusReporterAndItsPort() {
        assertThat(MetricsReporter.settings("9249")).containsExactly(
                Map.entry("metrics.reporter.prometheus.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory"),
                Map.entry("metrics.reporter.prometheus.port", "9249"));
    }

    @Test
    void aMiniClustersConfigurationGetsTheReporterAndKeepsItsOwnSettings() {
        Configuration conf = FlinkEnvironments.jobConfiguration("file:///chk", null);

        Map<String, String> withReporter = MetricsReporter.on(conf, 9300).toMap();

        assertThat(withReporter).containsAllEntriesOf(conf.toMap()).containsAllEntriesOf(MetricsReporter.settings("9300"));
        assertThat(conf.toMap()).doesNotContainKey("metrics.reporter.prometheus.port");
    }

    @Test
    void severalProcessesGetOnePortEach() {
        assertThat(MetricsReporter.rangeFor(9249, 1)).isEqualTo("9249");
        assertThat(MetricsReporter.rangeFor(9249, 3)).isEqualTo("9249-9251");
        assertThat(MetricsReporter.settings(" 9249-9251")).containsEntry("metrics.reporter.prometheus.port", "9249-9251");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "9250-9249", "a", "9249-", "1-2-3", ""})
    void refusesWhatIsNotAPortOrARangeOfThem(String ports) {
        assertThatThrownBy(() -> MetricsReporter.settings(ports)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
    }

    @Test
    void refusesARangeRunningPastTheLastPort() {
        assertThatThrownBy(() -> MetricsReporter.rangeFor(65535, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
