package io.streamlens.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a Prometheus endpoint, in its text format, as Prometheus itself would read it. */
record PrometheusScrape(List<Sample> samples) {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One line: a metric's name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** An empty scrape while nothing answers yet (the reporter starts with the MiniCluster). */
    static PrometheusScrape of(int port) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : new PrometheusScrape(List.of());
        } catch (IOException e) {
            return new PrometheusScrape(List.of());
        }
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = line.substring(0, brace >= 0 ? brace : line.indexOf(' '));
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0) {
                Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return new PrometheusScrape(samples);
    }

    /** Samples of this name whose labels include {@code label=value} pairs given as alternating strings. */
    List<Sample> named(String name, String... labelValues) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i + 1 < labelValues.length; i += 2) {
                if (!labelValues[i + 1].equals(s.labels().get(labelValues[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    /** The sum over every subtask (and label) of a metric, 0 when it is absent. */
    double sum(String name, String... labelValues) {
        return named(name, labelValues).stream().mapToDouble(Sample::value).sum();
    }
}
