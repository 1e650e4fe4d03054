package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.streamlens.deploy.cli.StreamLensCli;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.SpokenWord;
import io.streamlens.sampler.audio.SpokenClips;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./streamlens annotate} with every detector on, over footage whose content is known: a
 * person (skimage's astronaut) on screen while espeak-ng speaks a known sentence, then a blank
 * screen; a clip without audio; and the Debian sample videos with MP3 and AAC sound.
 */
class PerceptionITCase {
    private static final String SENTENCE = "platform twelve is closed until nine thirty";
    private static final int FPS = 25;

    @TempDir
    static Path dir;
    static Path out;
    static int status;

    @BeforeAll
    static void annotate() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        SpokenClips.Audio speech = SpokenClips.speak(SENTENCE, dir);
        talkingAstronaut(archive.resolve("talk.mp4"), speech);
        photoCrossingTheFrame(archive.resolve("walk.mp4"));
        SpokenClips.write(archive.resolve("mute.mp4"), null, 4, 0);
        Files.copy(SampleMedia.file(SampleMedia.COCKATOO), archive.resolve("cockatoo.mp4"));
        Files.copy(SampleMedia.file(SampleMedia.PHONE_1080P), archive.resolve("phone.mp4"));
        out = dir.resolve("out");
        status = StreamLensCli.commandLine().execute("annotate", "--out", out.toString(), "--subtitles", "speech",
                archive.toString());
    }

    static List<Caption> captions(String name) throws Exception {
        return Files.readAllLines(out.resolve(name + ".jsonl")).stream().map(l -> Json.read(l, Caption.class)).toList();
    }

    @Test
    void everyVideoIsAnnotated() {
        assertThat(status).isZero();
    }

    @Test
    void theWordsSpokenAreInTheWindowsTheyWereSpokenIn() throws Exception {
        List<Caption> talk = captions("talk");
        List<SpokenWord> words = talk.stream().flatMap(c -> c.evidence().speech().words().stream())
                .distinct().sorted(java.util.Comparator.comparingLong(SpokenWord::startMs)).toList();
        // espeak's voice through Vosk's small model: "nine" is often heard as "i'm", the rest is stable
        assertThat(words).extracting(SpokenWord::text).contains("platform", "closed", "until");
        for (Caption caption : talk) {
            assertThat(caption.evidence().speech().words()).as("words outside their caption's window")
                    .filteredOn(w -> w.startMs() < caption.startMs() || w.startMs() > caption.endMs()).isEmpty();
        }
        assertThat(talk.get(0).text()).contains("Speech: \"").contains("platform");
        String srt = Files.readString(out.resolve("talk.srt"));
        assertThat(srt).startsWith("1\n").contains("platform");
    }

    @Test
    void thePersonOnScreenIsCountedAndTheBlankScreenHasNobody() throws Exception {
        List<Caption> talk = captions("talk");
        Caption first = talk.get(0);
        assertThat(first.text()).contains("One person");
        assertThat(first.evidence().objects().of("person")).get().satisfies(p -> assertThat(p.count()).isEqualTo(1));
        assertThat(first.evidence().people().faces()).isEqualTo(1);
        assertThat(first.evidence().people().faceBoxes()).singleElement().satisfies(box -> {
            assertThat(box.x() + box.width() / 2).isBetween(200, 440); // the face is in the middle of the frame
            assertThat(box.y()).isLessThan(180);
        });
        Caption last = talk.get(talk.size() - 1);
        assertThat(last.startMs()).isGreaterThanOrEqualTo(6000);
        assertThat(last.evidence().people().looked()).isTrue();
        assertThat(last.evidence().people().people()).isZero();
        assertThat(last.text()).doesNotContain("person").doesNotContain("people");
    }

    @Test
    void aPhotoMovedAcrossTheFrameIsTrackedOnceAndItsDirectionIsRight() throws Exception {
        List<Caption> walk = captions("walk");
        assertThat(walk).isNotEmpty();
        List<io.streamlens.records.ObjectEvidence> seen = walk.stream()
                .flatMap(c -> c.evidence().objects().objects().stream()).toList();
        assertThat(seen).as("objects the detector found in the moving photo").isNotEmpty();
        // each thing in the photo keeps one track id across every window it is in
        for (String label : seen.stream().map(io.streamlens.records.ObjectEvidence::label).distinct().toList()) {
            assertThat(seen.stream().filter(e -> e.label().equals(label)).flatMap(e -> e.trackIds().stream()).distinct())
                    .as("tracks of " + label).hasSize(1);
        }
        assertThat(seen).flatExtracting(io.streamlens.records.ObjectEvidence::motions)
                .as("the photo moves right, never left").anySatisfy(m -> assertThat(m).startsWith("right"))
                .noneSatisfy(m -> assertThat(m).startsWith("left"));
        assertThat(seen).extracting(io.streamlens.records.ObjectEvidence::label).contains("bird");
        assertThat(walk.stream().map(Caption::text).reduce("", String::concat)).contains("right");
    }

    @Test
    void aClipWithoutSoundSaysSo() throws Exception {
        assertThat(captions("mute")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.evidence().speech().words()).isEmpty();
            assertThat(c.evidence().speech().note()).isEqualTo("no audio track");
            assertThat(c.evidence().speech().heard()).isEqualTo("no audio track");
            assertThat(c.evidence().motion().label()).isEqualTo("static");
        });
    }

    @Test
    void theDebianSampleVideosWithSoundAreListenedToAndTheirMotionMeasured() throws Exception {
        for (String name : List.of("cockatoo", "phone")) {
            List<Caption> captions = captions(name);
            assertThat(captions).as(name).isNotEmpty().allSatisfy(c -> {
                assertThat(c.evidence().speech().note()).as(name + " speech note").isNotEqualTo("no audio track")
                        .isNotEqualTo("speech recognition off");
                assertThat(c.evidence().speech().heard()).as(name + " audio").isIn("speech", "music or noise without speech", "silence");
                assertThat(c.evidence().motion().meanDifference()).isGreaterThanOrEqualTo(0);
            });
        }
        // the cockatoo is hand-held and close: it moves in every window without a cut
        assertThat(captions("cockatoo")).filteredOn(c -> !c.evidence().motion().label().equals("cut"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.evidence().motion().label()).isEqualTo("moving"));
    }

    /**
     * darknet's eagle photo, 320 px wide, sliding from the left edge to the right one over 4 s on grey,
     * no sound: NanoDet finds the bird in it at every position (0.46–0.55), so the test is about
     * tracking, not about the detector's recall.
     */
    private static void photoCrossingTheFrame(Path file) throws Exception {
        BufferedImage photo = ImageIO.read(SampleMedia.file(SampleMedia.EAGLE_PHOTO).toFile());
        // 80 px a second: three quarters of the bird's size between a window's first and last samples
        int width = 320;
        int height = width * photo.getHeight() / photo.getWidth();
        Java2DFrameConverter converter = new Java2DFrameConverter();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 640, 360, 0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_MPEG2VIDEO);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS);
            recorder.setVideoBitrate(2_000_000);
            recorder.start();
            int frames = 4 * FPS;
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = frame.createGraphics();
                g.setColor(Color.GRAY);
                g.fillRect(0, 0, 640, 360);
                g.drawImage(photo, 320 * i / frames, (360 - height) / 2, width, height, null);
                g.dispose();
                recorder.record(converter.convert(frame));
            }
            recorder.stop();
        }
    }

    /** The astronaut letterboxed in 640×360 for 4 s while the sentence is spoken, then 4 s of grey. */
    private static void talkingAstronaut(Path file, SpokenClips.Audio speech) throws Exception {
        BufferedImage astronaut = ImageIO.read(SampleMedia.file(SampleMedia.ASTRONAUT).toFile());
        BufferedImage person = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = person.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 640, 360);
        g.drawImage(astronaut, 140, 0, 360, 360, null);
        g.dispose();
        BufferedImage blank = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D b = blank.createGraphics();
        b.setColor(Color.GRAY);
        b.fillRect(0, 0, 640, 360);
        b.dispose();
        Java2DFrameConverter converter = new Java2DFrameConverter();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 640, 360, 1)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_MPEG2VIDEO);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS);
            recorder.setVideoBitrate(1_500_000);
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(speech.sampleRate());
            recorder.setAudioChannels(1);
            recorder.setAudioBitrate(64_000);
            recorder.start();
            int frames = 8 * FPS;
            short[] samples = Arrays.copyOf(speech.samples(), 8 * speech.sampleRate()); // silence once the sentence is over
            int written = 0;
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(i < 4 * FPS ? person : blank));
                int until = (i + 1) * speech.sampleRate() / FPS;
                recorder.recordSamples(speech.sampleRate(), 1, ShortBuffer.wrap(Arrays.copyOfRange(samples, written, until)));
                written = until;
            }
            recorder.stop();
        }
    }
}
