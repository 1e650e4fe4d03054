package io.streamlens.deploy.view;

import io.streamlens.records.StreamIds;
import io.streamlens.sampler.FrameSize;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the viewer serves.
 *
 * @param bindAddress where to listen ({@code 127.0.0.1} unless the user opens it wider)
 * @param port 0 for any free port
 * @param files the video file of each stream the command was given: the only files ever served
 * @param frameMaxSide the job's sampled frame size, which face boxes are measured in
 */
public record ViewerOptions(String bindAddress, int port, Map<String, Path> files, int frameMaxSide) {
    public static final String LOCALHOST = "127.0.0.1";

    public ViewerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        files = Map.copyOf(files);
    }

    /** Local files among the sources, each under its stream id; URLs and missing paths are not served. */
    public static ViewerOptions local(int port, List<String> sources, int frameMaxSide) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String source : sources) {
            Path p = Path.of(source).toAbsolutePath().normalize();
            if (!source.contains("://") && p.toFile().isFile()) {
                files.put(StreamIds.fromSource(source), p);
            }
        }
        return new ViewerOptions(LOCALHOST, port, files, frameMaxSide);
    }

    public static ViewerOptions local(int port, List<String> sources) {
        return local(port, sources, FrameSize.DEFAULT.maxSide());
    }
}
