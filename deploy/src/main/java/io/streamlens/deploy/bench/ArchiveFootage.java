package io.streamlens.deploy.bench;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SampleMedia;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * An archive of real footage of any length, for {@code bench archive}: five files, each a sample
 * video looped by copying its packets (no re-encoding, so the pixels are the originals'), and one
 * of them a narrated slide show made here: darknet's photos of people and animals and text slides,
 * some read aloud by espeak-ng and some silent, each a still stretch of several seconds. Shares of
 * the length: the slide show 30%, cockatoo (a bird on a perch, 720p) 25%, movie-hello (a terminal
 * being typed in) 25%, realshort (240p) 10%, the 1080p phone clip 10%.
 */
final class ArchiveFootage {
    private static final int FPS = 25;
    private static final int SAMPLE_RATE = 16_000;
    private static final AVRational MICROSECONDS = new AVRational().num(1).den(1_000_000);

    private record Part(String name, double share) {
    }

    private static final List<Part> PARTS = List.of(new Part("slides", 0.30), new Part(SampleMedia.COCKATOO, 0.25),
            new Part(SampleMedia.HELLO_MP4, 0.25), new Part(SampleMedia.REALSHORT, 0.10), new Part(SampleMedia.PHONE_1080P, 0.10));

    /** One still stretch of the slide show: a photo or a text slide, narrated or silent. */
    private record Slide(String photo, String text, String narration) {
    }

    private static final List<Slide> SLIDES = List.of(
            new Slide(SampleMedia.ASTRONAUT, "", "An astronaut in a white space suit stands in front of the American flag."),
            new Slide(null, "PLATFORM 12 CLOSED", ""),
            new Slide("images/person.jpg", "", "A woman kneels in a field next to her dog, while a horse waits behind them."),
            new Slide(null, "GATE 7 OPEN", SpokenSample.PARAGRAPH),
            new Slide("images/dog.jpg", "", ""),
            new Slide("images/horses.jpg", "", "Several horses graze on a grassy hill."));

    private ArchiveFootage() {
    }

    /** Writes {@code minutes} of footage into {@code folder} (five files) and returns them. */
    static List<Path> write(Path folder, double minutes) throws Exception {
        return write(folder, part -> Math.round(minutes * 60e6 * part.share()));
    }

    /**
     * Writes {@code seconds} of each of the five kinds of footage into {@code folder}, for live
     * streams of real footage ({@code bench pipeline --load}), and returns them.
     */
    static List<Path> eachFor(Path folder, long seconds) throws Exception {
        if (Files.isRegularFile(folder.resolve(".complete"))) {
            try (var files = Files.list(folder)) {
                return files.filter(f -> f.toString().endsWith("-looped.mkv")).sorted().toList();
            }
        }
        List<Path> files = write(folder, part -> seconds * 1_000_000L);
        Files.createFile(folder.resolve(".complete"));
        return files.stream().sorted().toList(); // as a second call lists them
    }

    private static List<Path> write(Path folder, java.util.function.ToLongFunction<Part> lengthUs) throws Exception {
        Files.createDirectories(folder);
        Path slides = folder.resolve("slides-source.mp4");
        writeSlides(slides);
        List<Path> files = new ArrayList<>();
        for (Part part : PARTS) {
            Path source = part.name().equals("slides") ? slides : SampleMedia.file(part.name());
            String name = source.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "-looped.mkv";
            Path looped = folder.resolve(name);
            loop(source, looped, lengthUs.applyAsLong(part));
            files.add(looped);
        }
        Files.delete(slides);
        return files;
    }

    /** The slide show: 640×360 H.264 with a keyframe every 2 s, 16 kHz mono AAC. */
    static void writeSlides(Path file) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 640, 360, 1);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(2 * FPS);
            recorder.setVideoBitrate(640 * 360 * 4);
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioChannels(1);
            recorder.start();
            for (Slide slide : SLIDES) {
                BufferedImage picture = render(slide);
                short[] speech = slide.narration().isEmpty() ? new short[0]
                        : SpokenSample.speak(slide.narration()).orElse(new short[0]);
                // at least 8 s, and a second of silence after the narration
                int frames = Math.max(8 * FPS, (int) Math.ceil((speech.length / (double) SAMPLE_RATE + 1) * FPS));
                short[] audio = Arrays.copyOf(speech, frames * SAMPLE_RATE / FPS);
                int perFrame = SAMPLE_RATE / FPS;
                for (int f = 0; f < frames; f++) {
                    recorder.record(converter.convert(picture));
                    recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(audio, f * perFrame, perFrame));
                }
            }
            recorder.stop();
        }
    }

    private static BufferedImage render(Slide slide) throws IOException {
        if (slide.photo() == null) {
            return SampleClip.render(new SampleClip.Shot(new Color(20, 40, 110), slide.text(), 1), 640, 360);
        }
        BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, 640, 360);
            BufferedImage photo = ImageIO.read(SampleMedia.file(slide.photo()).toFile());
            double scale = Math.min(640.0 / photo.getWidth(), 360.0 / photo.getHeight());
            int w = (int) (photo.getWidth() * scale);
            int h = (int) (photo.getHeight() * scale);
            g.drawImage(photo, (640 - w) / 2, (360 - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return frame;
    }

    /**
     * Copies {@code source}'s video and audio packets into {@code target} again and again, each
     * pass shifted to start where the previous one ended, until {@code lengthUs} is covered.
     */
    static void loop(Path source, Path target, long lengthUs) throws IOException {
        AVFormatContext output = new AVFormatContext(null);
        check(avformat_alloc_output_context2(output, null, null, target.toString()), "allocate a muxer for " + target);
        AVPacket packet = av_packet_alloc();
        try {
            int[] outputOf = null;
            long offsetUs = 0;
            boolean headerWritten = false;
            while (offsetUs < lengthUs) {
                AVFormatContext input = new AVFormatContext(null);
                check(avformat_open_input(input, source.toString(), null, null), "open " + source);
                try {
                    check(avformat_find_stream_info(input, (AVDictionary) null), "read the streams of " + source);
                    if (outputOf == null) {
                        outputOf = addStreams(input, output);
                        AVIOContext io = new AVIOContext(null);
                        check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "create " + target);
                        output.pb(io);
                        check(avformat_write_header(output, (AVDictionary) null), "write the header of " + target);
                        headerWritten = true;
                    }
                    long startUs = Long.MAX_VALUE;
                    long endUs = Long.MIN_VALUE;
                    while (av_read_frame(input, packet) >= 0) {
                        int out = outputOf[packet.stream_index()];
                        if (out >= 0 && packet.pts() != AV_NOPTS_VALUE && packet.dts() != AV_NOPTS_VALUE) {
                            AVRational base = input.streams(packet.stream_index()).time_base();
                            startUs = Math.min(startUs, av_rescale_q(Math.min(packet.pts(), packet.dts()), base, MICROSECONDS));
                            endUs = Math.max(endUs, av_rescale_q(packet.pts() + Math.max(packet.duration(), 1), base, MICROSECONDS));
                            if (av_rescale_q(packet.pts(), base, MICROSECONDS) + offsetUs >= lengthUs) {
                                av_packet_unref(packet);
                                continue; // the last pass is cut where the footage ends
                            }
                            long shift = av_rescale_q(offsetUs, MICROSECONDS, base);
                            packet.pts(packet.pts() + shift);
                            packet.dts(packet.dts() + shift);
                            av_packet_rescale_ts(packet, base, output.streams(out).time_base());
                            packet.stream_index(out);
                            packet.pos(-1);
                            av_interleaved_write_frame(output, packet);
                        }
                        av_packet_unref(packet);
                    }
                    if (endUs <= startUs) {
                        throw new IOException(source + " holds no timed video or audio packet");
                    }
                    offsetUs += endUs - startUs;
                } finally {
                    avformat_close_input(input);
                }
            }
            if (headerWritten) {
                check(av_write_trailer(output), "finish " + target);
            }
        } finally {
            av_packet_free(packet);
            if (output.pb() != null) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
        }
    }

    /** Output stream index per input stream: its video and audio, -1 for anything else. */
    private static int[] addStreams(AVFormatContext input, AVFormatContext output) throws IOException {
        int[] outputOf = new int[input.nb_streams()];
        int next = 0;
        for (int i = 0; i < input.nb_streams(); i++) {
            AVStream in = input.streams(i);
            int type = in.codecpar().codec_type();
            if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO) {
                outputOf[i] = -1;
                continue;
            }
            AVStream out = avformat_new_stream(output, null);
            check(avcodec_parameters_copy(out.codecpar(), in.codecpar()), "copy stream parameters");
            out.codecpar().codec_tag(0);
            out.time_base(in.time_base());
            outputOf[i] = next++;
        }
        return outputOf;
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            throw new IOException("FFmpeg could not " + what + " (error " + ret + ")");
        }
    }
}
