package io.streamlens.records;

import java.net.URI;

/** Stream ids derived from sources: {@code city.mpg} becomes {@code city}. */
public final class StreamIds {
    private StreamIds() {
    }

    public static String fromSource(String source) {
        String path = source;
        if (source.contains("://")) {
            try {
                URI uri = URI.create(source);
                if (uri.getPath() == null || uri.getPath().replace("/", "").isEmpty()) {
                    return uri.getHost() == null ? "stream" : uri.getHost(); // udp://239.0.0.1:1234
                }
                path = uri.getPath();
            } catch (IllegalArgumentException e) {
                path = source;
            }
        }
        String name = path.replaceAll("[/\\\\]+$", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return name.isBlank() ? "stream" : name;
    }
}
