package io.streamlens.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.deploy.MetricsReporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {
    @TempDir
    Path dir;

    @Test
    void withAMetricsPortEveryProcessGetsOneOfARangeForPrometheus() {
        ClusterSettings settings = new ClusterSettings(2, 2, 8081, "3g", 9249);

        assertThat(settings.flinkConfig(new ClusterDir(dir), 6123))
                .containsAllEntriesOf(MetricsReporter.settings("9249-9251")); // the JobManager and two TaskManagers
    }

    @Test
    void withoutOneNoReporterIsConfigured() {
        assertThat(ClusterSettings.defaults().flinkConfig(new ClusterDir(dir), 6123))
                .doesNotContainKeys(MetricsReporter.settings("9249").keySet().toArray(String[]::new));
    }

    @Test
    void refusesPortsThatDoNotFit() {
        assertThatThrownBy(() -> new ClusterSettings(3, 1, 8081, "3g", 65534)).isInstanceOf(IllegalArgumentException.class);
    }
}
