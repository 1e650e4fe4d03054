package io.streamlens.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.analysis.CarryOverOptions;
import io.streamlens.sampler.SamplerSpec;
import io.streamlens.sampler.SamplingOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JobFlagsTest {
    private static JobFlags parse(String... args) {
        JobFlags flags = new JobFlags();
        new CommandLine(flags).parseArgs(args);
        return flags;
    }

    @Test
    void archiveRunsSampleKeyframesOnlyAndLiveRunsUniformlyUnlessASamplerIsGiven() {
        assertThat(parse().toArchiveOptions().sampling()).isEqualTo(SamplingOptions.ARCHIVE);
        assertThat(parse().toOptions().sampling()).isEqualTo(SamplingOptions.DEFAULT);
        assertThat(parse("--sampler", "scene").toArchiveOptions().sampling().sampler()).isEqualTo(SamplerSpec.scene(0.35));
        assertThat(SamplingOptions.ARCHIVE.sampler()).isEqualTo(SamplerSpec.keyframes(1));
    }

    @Test
    void findingsAreCarriedOverUnlessTurnedOff() {
        assertThat(parse().toOptions().carryOver()).isEqualTo(CarryOverOptions.DEFAULT);
        assertThat(parse("--no-carry-over").toArchiveOptions().carryOver().enabled()).isFalse();
    }
}
