package io.streamlens.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.inference.analysis.CarryOverOptions;
import io.streamlens.inference.shedding.SheddingOptions;
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

    @Test
    void liveJobsShedAtTheTargetBoundedOnesNeverAndABadTargetIsRefused() {
        assertThat(parse().toOptions().effectiveShedding()).isEqualTo(SheddingOptions.LIVE);
        assertThat(parse("--latency-target", "2.5").toOptions().effectiveShedding()).isEqualTo(new SheddingOptions(true, 2_500));
        assertThat(parse("--latency-target", "0").toOptions().effectiveShedding().enabled()).isFalse();
        assertThat(parse().toOptions().toBuilder().boundedInput(true).build().effectiveShedding().enabled())
                .as("annotate and demo want every model however long it takes").isFalse();
        for (String bad : new String[] {"-1", "NaN", "Infinity", "1e9"}) {
            assertThatThrownBy(() -> parse("--latency-target", bad).toOptions()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("latency target");
        }
        assertThatThrownBy(() -> parse("--latency-target", "soon")).isInstanceOf(CommandLine.ParameterException.class);
    }
}
