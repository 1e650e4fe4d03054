package io.streamlens.sinks;

import io.streamlens.records.SampledFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Writes each sampled frame as {@code DIR/<streamId>/<ptsMs>.jpg}, to see what the sampler chose. */
public class ThumbnailSink implements Sink<SampledFrame> {
    private final String directory;

    public ThumbnailSink(Path directory) {
        this.directory = directory.toString();
    }

    @Override
    public SinkWriter<SampledFrame> createWriter(WriterInitContext context) {
        Path root = Path.of(directory);
        return new SinkWriter<>() {
            @Override
            public void write(SampledFrame frame, Context ctx) throws IOException {
                Path dir = root.resolve(safe(frame.streamId()));
                Files.createDirectories(dir);
                ImageIO.write(toImage(frame), "jpg", dir.resolve(String.format("%08d.jpg", frame.ptsMs())).toFile());
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    static BufferedImage toImage(SampledFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return image;
    }

    private static String safe(String streamId) {
        return streamId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
