package io.streamlens.deploy.cli;

import io.streamlens.records.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Lets options take {@code 10s}, {@code 500ms}, {@code 1m}; public for {@code bench}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value);
    }
}
