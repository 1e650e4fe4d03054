package io.streamlens.deploy;

import static io.streamlens.records.StreamLensMetrics.CAPTION_LATENCY_MS;
import static io.streamlens.records.StreamLensMetrics.DEAD_LETTERS;
import static io.streamlens.records.StreamLensMetrics.FRAMES_ANALYSED;
import static io.streamlens.records.StreamLensMetrics.FRAMES_DECODED;
import static io.streamlens.records.StreamLensMetrics.FRAMES_SAMPLED;
import static io.streamlens.records.StreamLensMetrics.FRAMES_SKIPPED;
import static io.streamlens.records.StreamLensMetrics.MODEL;
import static io.streamlens.records.StreamLensMetrics.MODEL_TIME_MS;
import static io.streamlens.records.StreamLensMetrics.REASON;
import static io.streamlens.records.StreamLensMetrics.SPEECH_REAL_TIME_FACTOR;
import static io.streamlens.records.StreamLensMetrics.WINDOWS_CAPTIONED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlens.records.StreamLensMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in {@code deploy/grafana} plots every StreamLens metric, under the name Prometheus gives it. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("grafana", "streamlens-dashboard.json");
    private static final Pattern STREAMLENS_METRIC = Pattern.compile(
            "flink_taskmanager_job_task_operator_" + StreamLensMetrics.GROUP + "_(\\w+)");
    /** As Flink's Prometheus reporter names them: a key-value group's key joins the name, its value becomes a label. */
    private static final Set<String> EXPORTED = Set.of(FRAMES_DECODED, FRAMES_SAMPLED, FRAMES_ANALYSED, FRAMES_SKIPPED,
            MODEL + "_" + MODEL_TIME_MS, WINDOWS_CAPTIONED, CAPTION_LATENCY_MS, REASON + "_" + DEAD_LETTERS,
            SPEECH_REAL_TIME_FACTOR);

    @Test
    void everyStreamLensMetricHasAPanelAndEveryPanelAMetric() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> plotted = new TreeSet<>();
        List<String> withoutDataSourceVariable = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("datasource").path("uid").asText().equals("${datasource}")) {
                withoutDataSourceVariable.add(panel.path("title").asText());
            }
            for (JsonNode target : panel.path("targets")) {
                Matcher m = STREAMLENS_METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    plotted.add(m.group(1));
                }
            }
        }

        assertThat(plotted).containsExactlyInAnyOrderElementsOf(EXPORTED);
        assertThat(withoutDataSourceVariable).as("panels must query the dashboard's data source variable").isEmpty();
        assertThat(dashboard.path("templating").path("list")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("datasource");
            assertThat(v.path("type").asText()).isEqualTo("datasource");
        });
    }
}
