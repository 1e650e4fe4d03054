package io.streamlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.streamlens.deploy.cli.ClusterJob;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Topics;
import io.streamlens.sinks.KafkaJsonSink;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes} cannot be applied here (no cluster), so
 * this test holds them to the code they deploy: the topics of {@link Topics}, the message limit
 * of {@link EmbeddedKafka}, the job jar and main class of deploy/pom.xml, the flags of
 * {@link ClusterJob}, the settings of {@link FlinkEnvironments#jobConfiguration} and the
 * transaction timeout of {@link KafkaJsonSink}.
 */
class KubernetesManifestsTest {
    /** Maven runs tests with the module folder as working directory. */
    private static final Path MANIFESTS = Path.of("kubernetes");
    private static final String CPU = "flink-deployment.yaml";
    private static final String GPU = "flink-deployment-gpu.yaml";
    private static final String KAFKA = "kafka.yaml";
    private static final String METRICS = "metrics.yaml";
    private static final String METRICS_PORT_NAME = "metrics";
    private static final String GPU_RESOURCE = "nvidia.com/gpu";
    /** Settings only a GPU TaskManager may set differently from the CPU one. */
    private static final Set<String> GPU_SPECIFIC_SETTINGS =
            Set.of("taskmanager.numberOfTaskSlots", "taskmanager.memory.task.off-heap.size");

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyTopicOfTheContractHasAKafkaTopicAndNoOtherExists() throws Exception {
        Set<String> declared = new TreeSet<>(kafkaTopics().keySet());
        Set<String> contract = contractTopics();

        assertThat(declared)
                .as("KafkaTopics in %s must be exactly the topics of io.streamlens.records.Topics", KAFKA)
                .containsExactlyInAnyOrderElementsOf(contract);
    }

    @Test
    void segmentsTopicAndBrokersAcceptTheLargestSegment() throws IOException {
        JsonNode segments = kafkaTopic(Topics.SEGMENTS);
        JsonNode brokers = kafka().path("spec").path("kafka").path("config");

        assertThat(longAt(segments.path("spec").path("config"), "max.message.bytes", Topics.SEGMENTS))
                .as("%s max.message.bytes must fit EmbeddedKafka.MAX_MESSAGE_BYTES", Topics.SEGMENTS)
                .isGreaterThanOrEqualTo(EmbeddedKafka.MAX_MESSAGE_BYTES);
        assertThat(longAt(brokers, "message.max.bytes", "Kafka spec.kafka.config"))
                .as("broker message.max.bytes must fit EmbeddedKafka.MAX_MESSAGE_BYTES")
                .isGreaterThanOrEqualTo(EmbeddedKafka.MAX_MESSAGE_BYTES);
        assertThat(longAt(brokers, "replica.fetch.max.bytes", "Kafka spec.kafka.config"))
                .as("broker replica.fetch.max.bytes must let followers copy the largest segment")
                .isGreaterThanOrEqualTo(longAt(brokers, "message.max.bytes", "Kafka spec.kafka.config"));
    }

    @ParameterizedTest
    @ValueSource(strings = {CPU, GPU})
    void segmentsTopicHasAPartitionForEverySourceSubtask(String file) throws IOException {
        int parallelism = jobParallelism(deployment(file), file);

        assertThat(kafkaTopic(Topics.SEGMENTS).path("spec").path("partitions").asInt())
                .as("%s partitions must be >= spec.job.parallelism of %s, or source subtasks idle", Topics.SEGMENTS, file)
                .isGreaterThanOrEqualTo(parallelism);
    }

    @ParameterizedTest
    @ValueSource(strings = {CPU, GPU})
    void jobIsTheJobJarsMainClass(String file) throws Exception {
        JsonNode job = deployment(file).path("spec").path("job");
        String entryClass = job.path("entryClass").asText();
        String jarUri = job.path("jarURI").asText();
        Element shade = jobShadeExecution();

        Class<?> main = loadClass(entryClass, file);
        Method method = main.getMethod("main", String[].class);
        assertThat(Modifier.isStatic(method.getModifiers())).as("%s.main must be static", entryClass).isTrue();
        assertThat(entryClass)
                .as("%s spec.job.entryClass must be the job jar's Main-Class in deploy/pom.xml", file)
                .isEqualTo(text(shade, "mainClass"));
        assertThat(URI.create(jarUri).getScheme()).as("%s jarURI must point into the image", file).isEqualTo("local");
        assertThat(Path.of(URI.create(jarUri).getPath()).getFileName().toString())
                .as("%s jarURI file name must be the `job` shade execution's finalName in deploy/pom.xml", file)
                .isEqualTo(text(shade, "finalName") + ".jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {CPU, GPU})
    void argsParseAndAgreeWithTheDeployment(String file) throws IOException {
        JsonNode deployment = deployment(file);
        Map<String, String> flink = flinkConfiguration(deployment, file);
        ParseResult args = parseArgs(deployment, file);

        assertThat(args.<Integer>matchedOptionValue("--parallelism", null))
                .as("%s --parallelism must be given and equal spec.job.parallelism", file)
                .isEqualTo(jobParallelism(deployment, file));
        assertThat(args.<String>matchedOptionValue("--checkpoint-dir", null))
                .as("%s --checkpoint-dir must be given and equal execution.checkpointing.dir", file)
                .isEqualTo(flink.get("execution.checkpointing.dir"));
        // The job's own interval overrides the cluster's: if they differed, the manifest would lie.
        assertThat(args.<Duration>matchedOptionValue("--checkpoint-interval", null))
                .as("%s --checkpoint-interval must be given and equal execution.checkpointing.interval", file)
                .isEqualTo(flinkDuration(flink, "execution.checkpointing.interval", file));
        assertThat(args.<String>matchedOptionValue("--bootstrap-servers", null))
                .as("%s --bootstrap-servers must be the Strimzi bootstrap service on its plain listener", file)
                .isEqualTo(strimziBootstrapServers());
    }

    @ParameterizedTest
    @ValueSource(strings = {CPU, GPU})
    void everyPodServesItsMetricsForPrometheusOnThePortItExposes(String file) throws IOException {
        JsonNode deployment = deployment(file);
        Map<String, String> flink = flinkConfiguration(deployment, file);
        String port = flink.get("metrics.reporter.prometheus.port");
        JsonNode pod = deployment.path("spec").path("podTemplate");
        JsonNode main = null;
        for (JsonNode container : pod.path("spec").path("containers")) {
            if (container.path("name").asText().equals("flink-main-container")) {
                main = container;
            }
        }

        assertThat(port).as("%s metrics.reporter.prometheus.port", file).isNotNull();
        assertThat(flink).as("%s must configure the reporter as --metrics-port does", file)
                .containsAllEntriesOf(MetricsReporter.settings(port));
        assertThat(pod.path("metadata").path("annotations").path("prometheus.io/port").asText())
                .as("%s podTemplate annotation prometheus.io/port", file).isEqualTo(port);
        assertThat(main).as("%s podTemplate must have the flink-main-container", file).isNotNull();
        assertThat(main.path("ports")).as("%s flink-main-container must expose the metrics port by name", file)
                .anySatisfy(p -> {
                    assertThat(p.path("name").asText()).isEqualTo(METRICS_PORT_NAME);
                    assertThat(p.path("containerPort").asText()).isEqualTo(port);
                });
        JsonNode service = single(METRICS, "Service");
        assertThat(service.path("spec").path("selector").path("app").asText())
                .as("%s Service must select the pods of the FlinkDeployment", METRICS)
                .isEqualTo(deployment.path("metadata").path("name").asText());
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo(METRICS_PORT_NAME);
        assertThat(single(METRICS, "PodMonitor").path("spec").path("podMetricsEndpoints").get(0).path("port").asText())
                .isEqualTo(METRICS_PORT_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {CPU, GPU})
    void flinkConfigurationHoldsEverySettingOfEveryRun(String file) throws IOException {
        Map<String, String> flink = flinkConfiguration(deployment(file), file);
        Map<String, String> job = FlinkEnvironments.jobConfiguration("file:///dummy", Duration.ofSeconds(10)).toMap();
        Set<String> presentOnly = Set.of("execution.checkpointing.dir", "execution.checkpointing.interval");

        List<String> problems = new ArrayList<>();
        job.forEach((key, value) -> {
            if (!flink.containsKey(key)) {
                problems.add(key + " is missing (jobConfiguration sets " + value + ")");
            } else if (!presentOnly.contains(key) && !value.equals(flink.get(key))) {
                problems.add(key + " is " + flink.get(key) + " but jobConfiguration sets " + value);
            }
        });
        assertThat(problems).as("%s flinkConfiguration against FlinkEnvironments.jobConfiguration", file).isEmpty();
        assertThat(flink.get("state.backend.type")).as("%s state.backend.type", file).isEqualTo("rocksdb");
        assertThat(flink.get("execution.checkpointing.savepoint-dir"))
                .as("%s needs a savepoint dir for upgradeMode: savepoint", file).isNotBlank();
    }

    @Test
    void cpuDeploymentRunsOnCpuWithoutGpus() throws IOException {
        JsonNode deployment = deployment(CPU);

        assertThat(parseArgs(deployment, CPU).<String>matchedOptionValue("--device", "cpu"))
                .as("%s --device", CPU).isEqualTo("cpu");
        assertThat(gpusPerTaskManager(deployment)).as("%s must not request %s", CPU, GPU_RESOURCE).isZero();
    }

    @Test
    void gpuDeploymentRunsOnCudaWithOneSlotPerGpu() throws IOException {
        JsonNode deployment = deployment(GPU);
        int gpus = gpusPerTaskManager(deployment);

        assertThat(gpus).as("%s TaskManagers must request %s in the flink-main-container", GPU, GPU_RESOURCE).isPositive();
        assertThat(parseArgs(deployment, GPU).<String>matchedOptionValue("--device", "cpu"))
                .as("%s must pass --device cuda[:N]", GPU).startsWith("cuda");
        assertThat(Integer.parseInt(flinkConfiguration(deployment, GPU).get("taskmanager.numberOfTaskSlots")))
                .as("%s taskmanager.numberOfTaskSlots must equal the GPUs per TaskManager (one ONNX session set per GPU)", GPU)
                .isEqualTo(gpus);
        assertThat(deployment.path("spec").path("taskManager").path("podTemplate").path("spec").path("nodeSelector").isEmpty())
                .as("%s must select GPU nodes", GPU).isFalse();
    }

    @Test
    void gpuDeploymentIsTheSameJobOnOtherTaskManagers() throws IOException {
        JsonNode cpu = deployment(CPU);
        JsonNode gpu = deployment(GPU);
        Map<String, String> cpuSettings = new LinkedHashMap<>(flinkConfiguration(cpu, CPU));
        Map<String, String> gpuSettings = new LinkedHashMap<>(flinkConfiguration(gpu, GPU));
        cpuSettings.keySet().removeAll(GPU_SPECIFIC_SETTINGS);
        gpuSettings.keySet().removeAll(GPU_SPECIFIC_SETTINGS);

        // Same name: applying one replaces the other through a savepoint, never two jobs at once.
        assertThat(gpu.path("metadata").path("name").asText())
                .as("%s and %s must name the same FlinkDeployment", GPU, CPU)
                .isEqualTo(cpu.path("metadata").path("name").asText());
        assertThat(gpuSettings)
                .as("%s flinkConfiguration may differ from %s only in %s", GPU, CPU, GPU_SPECIFIC_SETTINGS)
                .containsExactlyInAnyOrderEntriesOf(cpuSettings);
    }

    @Test
    void brokersAllowTheTransactionsOfTheJobsProducers() throws Exception {
        long producerTimeoutMs = producerTransactionTimeoutMs();
        long brokerMaxMs = longAt(kafka().path("spec").path("kafka").path("config"), "transaction.max.timeout.ms",
                "Kafka spec.kafka.config");

        assertThat(brokerMaxMs)
                .as("broker transaction.max.timeout.ms must allow the job producers' transaction.timeout.ms")
                .isGreaterThanOrEqualTo(producerTimeoutMs);
        for (String file : List.of(CPU, GPU)) {
            // A transaction stays open from one checkpoint to the next: it must not time out in between.
            assertThat(flinkDuration(flinkConfiguration(deployment(file), file), "execution.checkpointing.interval", file))
                    .as("%s checkpoint interval must be well below the producers' transaction timeout", file)
                    .isLessThan(Duration.ofMillis(producerTimeoutMs / 2));
        }
    }

    // --- the manifests

    private static List<JsonNode> documents(String file) throws IOException {
        Path path = MANIFESTS.resolve(file);
        if (!Files.isRegularFile(path)) {
            fail("no manifest " + path.toAbsolutePath() + " (tests must run with deploy/ as working directory)");
        }
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(path.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            values.forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            });
            return documents;
        }
    }

    private static List<JsonNode> ofKind(String file, String kind) throws IOException {
        return documents(file).stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static JsonNode single(String file, String kind) throws IOException {
        List<JsonNode> found = ofKind(file, kind);
        if (found.size() != 1) {
            fail(file + " must hold exactly one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    private static JsonNode deployment(String file) throws IOException {
        JsonNode deployment = single(file, "FlinkDeployment");
        assertThat(deployment.path("apiVersion").asText()).as("%s apiVersion", file).isEqualTo("flink.apache.org/v1beta1");
        return deployment;
    }

    private static JsonNode kafka() throws IOException {
        return single(KAFKA, "Kafka");
    }

    /** KafkaTopics by topic name: spec.topicName, or the resource name when it is not set. */
    private static Map<String, JsonNode> kafkaTopics() throws IOException {
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        for (JsonNode topic : ofKind(KAFKA, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            if (topics.put(name, topic) != null) {
                fail(KAFKA + " declares topic " + name + " twice");
            }
        }
        return topics;
    }

    private static JsonNode kafkaTopic(String name) throws IOException {
        JsonNode topic = kafkaTopics().get(name);
        if (topic == null) {
            fail(KAFKA + " has no KafkaTopic for " + name);
        }
        return topic;
    }

    private static Map<String, String> flinkConfiguration(JsonNode deployment, String file) {
        JsonNode conf = deployment.path("spec").path("flinkConfiguration");
        if (!conf.isObject()) {
            fail(file + " has no spec.flinkConfiguration");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        conf.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return settings;
    }

    private static int jobParallelism(JsonNode deployment, String file) {
        JsonNode parallelism = deployment.path("spec").path("job").path("parallelism");
        if (!parallelism.canConvertToInt()) {
            fail(file + " has no spec.job.parallelism");
        }
        return parallelism.asInt();
    }

    /** The job's args parsed the way ClusterJob.main parses them. */
    private static ParseResult parseArgs(JsonNode deployment, String file) {
        List<String> args = new ArrayList<>();
        deployment.path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
        try {
            return new CommandLine(new ClusterJob()).setCaseInsensitiveEnumValuesAllowed(true)
                    .parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(file + " spec.job.args " + args + " do not parse as ClusterJob flags: " + e.getMessage(), e);
        }
    }

    private static int gpusPerTaskManager(JsonNode deployment) {
        for (JsonNode container : deployment.path("spec").path("taskManager").path("podTemplate").path("spec").path("containers")) {
            if ("flink-main-container".equals(container.path("name").asText())) {
                return container.path("resources").path("limits").path(GPU_RESOURCE).asInt(0);
            }
        }
        return 0;
    }

    /** host:port of the Strimzi Kafka's bootstrap service on its first listener without TLS. */
    private static String strimziBootstrapServers() throws IOException {
        JsonNode kafka = kafka();
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (!listener.path("tls").asBoolean(false)) {
                return kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt();
            }
        }
        return fail(KAFKA + " has no listener without TLS for the job (it passes no --kafka-config)");
    }

    private static long longAt(JsonNode config, String key, String where) {
        JsonNode value = config.path(key);
        if (value.isMissingNode() || value.isNull()) {
            fail(where + " does not set " + key);
        }
        return Long.parseLong(value.asText());
    }

    private static Duration flinkDuration(Map<String, String> flink, String key, String file) {
        String value = flink.get(key);
        if (value == null) {
            fail(file + " does not set " + key);
        }
        return TimeUtils.parseDuration(value);
    }

    // --- the code they must agree with

    /** Every public String constant of {@link Topics}, so that a new topic there is a new topic here. */
    private static Set<String> contractTopics() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).as("topics of io.streamlens.records.Topics").isNotEmpty();
        return topics;
    }

    /** The transaction.timeout.ms the job's Kafka sinks really give their producers. */
    private static long producerTransactionTimeoutMs() throws Exception {
        KafkaSink<String> sink = KafkaJsonSink.build(KafkaClientConfig.of("localhost:9092", null), Topics.CAPTIONS,
                String.class, caption -> caption, DeliveryGuarantee.EXACTLY_ONCE, "manifest-test");
        Method config = KafkaSink.class.getDeclaredMethod("getKafkaProducerConfig");
        config.setAccessible(true);
        Properties producer = (Properties) config.invoke(sink);
        String timeout = producer.getProperty("transaction.timeout.ms");
        // Unset would mean the Kafka client's default of one minute.
        return timeout == null ? Duration.ofMinutes(1).toMillis() : Long.parseLong(timeout);
    }

    /** The {@code job} execution of maven-shade in deploy/pom.xml: the job jar's name and main class. */
    private static Element jobShadeExecution() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if ("job".equals(text(execution, "id"))) {
                return execution;
            }
        }
        return fail("deploy/pom.xml has no maven-shade execution with id `job`");
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        if (found.getLength() != 1) {
            fail("expected one <" + tag + "> in <" + parent.getTagName() + ">, found " + found.getLength());
        }
        return found.item(0).getTextContent().trim();
    }

    private static Class<?> loadClass(String name, String file) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(file + " spec.job.entryClass " + name + " is not a class of the job", e);
        }
    }
}
