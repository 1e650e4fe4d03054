package io.streamlens.deploy.cli;

import io.streamlens.sinks.Subtitles;
import picocli.CommandLine.Option;

/** Which subtitle files the commands that write files make. */
final class SubtitleFlags {
    @Option(names = "--subtitles", defaultValue = "both", paramLabel = "KIND",
            description = "scene (what was seen, one cue per window), speech (what was said, timed by the words) "
                    + "or both (default: ${DEFAULT-VALUE})")
    Subtitles.Kind subtitles;
}
