package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.Perception;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.TopicDump;
import io.streamlens.deploy.cli.ServedPipeline;
import io.streamlens.deploy.view.ViewerOptions;
import io.streamlens.inference.ModelOptions;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.records.Caption;
import io.streamlens.records.Detection;
import io.streamlens.records.Json;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.Topics;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer's page in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) against what {@code demo --serve} starts: embedded Kafka, the live job
 * with the perception pack, the viewer. The cockatoo video is an archived file; a generated clip
 * published at wall-clock pace is a live stream with no file, played from its segments in Kafka.
 * Chapters and alerts are written to their topics in the events issue's record shape, as the job
 * that makes them will.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewerITCase {
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    static Path dir;
    static ServedPipeline served;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static List<Caption> cockatoo;
    /** What the detector saw in the cockatoo video (set by the box test, asked about by the ask test). */
    static String objectSeen = "person";

    @BeforeAll
    static void serveTheCockatooAndOpenThePage() throws Exception {
        Path video = Files.copy(SampleMedia.file(SampleMedia.COCKATOO), dir.resolve("cockatoo.mp4"));
        JobOptions options = JobOptions.builder()
                .models(ModelOptions.DEFAULT.withPerception(Perception.parse("objects,people,text"))).build();
        served = ServedPipeline.start(options, ViewerOptions.local(0, List.of(video.toString())), c -> { });
        served.publish(List.of(video.toString()), List.of("cockatoo"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(served.kafka().properties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUMMARIES, "cockatoo", Json.write(Map.of("streamId", "cockatoo",
                    "startMs", 6000, "endMs", 9000, "title", "Close-up", "text", "The cockatoo fills the picture.", "evidence", Map.of()))));
            producer.send(new ProducerRecord<>(Topics.ALERTS, "cockatoo", Json.write(Map.of("alertId", "bird-seen/cockatoo/0",
                    "ruleId", "bird-seen", "streamId", "cockatoo", "startMs", 1000, "endMs", 3000, "text", "A bird is in view", "evidence", Map.of()))));
        }
        Eventually.waitFor("captions of the whole cockatoo video", PATIENCE, ViewerITCase::jobRunning,
                () -> captions("cockatoo").stream().anyMatch(c -> c.endMs() >= 13_000));
        cockatoo = captions("cockatoo");

        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, "/usr/bin/chromedriver");
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary("/usr/bin/chromium");
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                "--autoplay-policy=no-user-gesture-required");
        browser = new ChromeDriver(chrome);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.withMessage(() -> "the page says: " + browser.findElement(By.id("video-note")).getText()
                + " | status: " + browser.findElement(By.id("status")).getText()
                + " | answer: " + browser.findElement(By.id("answer")).getText()
                + " | job: " + jobRunning()
                + " | queries: " + TopicDump.readAll(served.kafka(), io.streamlens.records.Topics.QUERIES)
                + " | answers: " + TopicDump.readAll(served.kafka(), io.streamlens.records.Topics.ANSWERS));
        browser.get(served.url() + "#stream=cockatoo");
    }

    static boolean jobRunning() {
        try {
            return !served.job().getJobStatus().get().isGloballyTerminalState();
        } catch (Exception e) {
            return false;
        }
    }

    static List<Caption> captions(String streamId) {
        return TopicDump.readAll(served.kafka(), io.streamlens.records.Topics.CAPTIONS).stream()
                .map(l -> Json.read(l, Caption.class)).filter(c -> c.streamId().equals(streamId)).toList();
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (served != null) {
            served.close();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static double currentTime() {
        return ((Number) js("return document.getElementById('video').currentTime")).doubleValue();
    }

    @Test
    @Order(1)
    void thePageListsTheStreamAndItsCaptions() {
        wait.until(d -> d.findElements(By.cssSelector("#streams a[data-stream='cockatoo']")).size() == 1);
        wait.until(d -> d.findElements(By.cssSelector("#captions li")).size() == cockatoo.size());
        assertThat(browser.findElement(By.id("stream-title")).getText()).isEqualTo("cockatoo");
    }

    @Test
    @Order(2)
    void theCaptionsAreTheVideosSubtitleTrack() {
        wait.until(d -> ((Number) js("return document.getElementById('video').readyState")).intValue() >= 1);
        Caption second = cockatoo.get(1);
        browser.findElement(By.cssSelector("#captions li[data-start-ms='" + second.startMs() + "'] a")).click();
        // The cue showing at that time is the caption's own text (wrapped into lines).
        String shown = (String) wait.until(d -> js("const t = [...document.getElementById('video').textTracks]"
                + ".find(t => t.mode === 'showing'); return t && t.activeCues && t.activeCues.length ? t.activeCues[0].text : null"));
        assertThat(second.text()).startsWith(shown.split("\n")[0]);
    }

    @Test
    @Order(3)
    void aChapterClickSeeksToItsStart() {
        WebElement chapter = wait.until(d -> d.findElements(By.cssSelector("#timeline .chapter")).stream().findFirst().orElse(null));
        assertThat(chapter.getText()).isEqualTo("Close-up");
        assertThat(browser.findElements(By.cssSelector("#timeline .alert"))).hasSize(1);
        chapter.click();
        wait.until(d -> Math.abs(currentTime() - 6.0) < 0.05);
    }

    @Test
    @Order(4)
    void objectBoxesAreDrawnWhereTheEvidenceSays() {
        Caption withObject = cockatoo.stream().filter(c -> c.evidence().objects().objects().stream().anyMatch(o -> !o.boxes().isEmpty()))
                .findFirst().orElseThrow(() -> new AssertionError("the detector found nothing in " + cockatoo));
        ObjectEvidence seen = withObject.evidence().objects().objects().stream().filter(o -> !o.boxes().isEmpty()).findFirst().orElseThrow();
        objectSeen = seen.label();
        Detection box = seen.boxes().get(0);
        browser.findElement(By.cssSelector("#captions li[data-start-ms='" + withObject.startMs() + "'] a")).click();
        // Held still, so the window's boxes are not redrawn for the next window while they are measured,
        // and measured in one script, so no element can go stale between finding and reading it.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('video').pause();");
        String selector = "#boxes .box.object[data-label='" + seen.label() + "']";
        @SuppressWarnings("unchecked")
        Map<String, Number> r = wait.until(d -> (Map<String, Number>) ((JavascriptExecutor) d).executeScript(
                "const b = document.querySelector(arguments[0]); if (!b) return null;"
                        + " const v = document.getElementById('video').getBoundingClientRect(), r = b.getBoundingClientRect();"
                        + " return {px: v.x, py: v.y, pw: v.width, ph: v.height, bx: r.x, by: r.y, bw: r.width, bh: r.height};",
                selector));
        double pw = r.get("pw").doubleValue();
        double ph = r.get("ph").doubleValue();
        assertThat((r.get("bx").doubleValue() - r.get("px").doubleValue()) / pw).isCloseTo(box.x0(), org.assertj.core.data.Offset.offset(0.01));
        assertThat((r.get("by").doubleValue() - r.get("py").doubleValue()) / ph).isCloseTo(box.y0(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.get("bw").doubleValue() / pw).isCloseTo(box.width(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.get("bh").doubleValue() / ph).isCloseTo(box.height(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    @Order(5)
    void theAskBoxAnswersWithTimeRangesThatSeek() throws Exception {
        browser.findElement(By.id("question")).sendKeys("when was there a " + objectSeen + "?");
        browser.findElement(By.cssSelector("#ask button")).click();
        String said = wait.until(d -> d.findElements(By.cssSelector("#answer .answer-text")).stream().findFirst().orElse(null)).getText();
        List<WebElement> spans = browser.findElements(By.cssSelector("#answer ul.spans a"));
        assertThat(spans).as(said).isNotEmpty();
        assertThat(said).containsIgnoringCase(objectSeen);
        WebElement span = spans.get(0);
        long startMs = Long.parseLong(span.getDomAttribute("data-start-ms"));
        assertThat(cockatoo).anySatisfy(c -> assertThat(c.evidence().objects().of(objectSeen)).isPresent()
                .get().satisfies(o -> assertThat(startMs).isBetween(c.startMs(), c.endMs())));
        span.click();
        wait.until(d -> Math.abs(currentTime() - startMs / 1000.0) < 0.05);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "viewer.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(6)
    void aLiveStreamPlaysFromKafkaAndItsNewCaptionsArriveWithoutAReload() throws Exception {
        Path clip = dir.resolve("platform.mp4");
        SampleClip.write(clip, List.of(new SampleClip.Shot(new Color(200, 30, 30), "PLATFORM 12", 4),
                new SampleClip.Shot(new Color(30, 160, 60), "GATE 7 OPEN", 4),
                new SampleClip.Shot(new Color(30, 60, 200), "STREAMLENS", 4)), 640, 360, 25, 25);
        js("window.notReloaded = true");
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            try (SegmentPublisher publisher = new SegmentPublisher(served.kafka(), PublishOptions.defaults().withRealtime(true))) {
                publisher.publish(clip.toString(), "platform");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        wait.until(d -> d.findElements(By.cssSelector("#streams a[data-stream='platform']")).stream().findFirst().orElse(null)).click();
        // the live stream's picture: segments remuxed to fragmented MP4 and appended through Media Source Extensions
        wait.until(d -> ((Number) js("return document.getElementById('video').buffered.length")).intValue() > 0);
        int before = browser.findElements(By.cssSelector("#captions li")).size();
        wait.until(d -> d.findElements(By.cssSelector("#captions li")).size() > before);
        wait.until(d -> d.findElement(By.id("captions")).getText().contains("GATE 7 OPEN"));
        assertThat(js("return window.notReloaded")).isEqualTo(true);
        publishing.get();
    }

    @Test
    @Order(7)
    void aQuestionAboutEveryStreamFindsTheRightStreamAndTime() {
        List<Long> gateWindows = captions("platform").stream().filter(c -> c.text().contains("GATE 7 OPEN")).map(Caption::startMs).toList();
        browser.findElement(By.id("all-streams")).click();
        browser.findElement(By.id("question")).clear();
        browser.findElement(By.id("question")).sendKeys("where was gate 7 open?");
        browser.findElement(By.cssSelector("#ask button")).click();
        String said = wait.until(d -> d.findElements(By.cssSelector("#answer .answer-text")).stream()
                .filter(e -> e.getText().contains("gate") || e.getText().contains("GATE") || e.getText().startsWith("Nothing"))
                .findFirst().orElse(null)).getText();
        List<WebElement> spans = browser.findElements(By.cssSelector("#answer ul.spans a"));
        assertThat(spans).as(said).isNotEmpty();
        WebElement best = spans.get(0);
        assertThat(browser.findElements(By.cssSelector("#answer ul.spans a")).get(0).getDomAttribute("data-stream")).isEqualTo("platform");
        assertThat(Long.parseLong(best.getDomAttribute("data-start-ms"))).isIn(gateWindows);
    }
}
