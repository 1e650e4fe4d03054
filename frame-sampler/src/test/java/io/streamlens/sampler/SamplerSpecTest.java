package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplerSpecTest {
    @Test
    void parsesEverySamplerForm() {
        assertThat(SamplerSpec.parse("uniform:2").fps()).isEqualTo(2.0);
        assertThat(SamplerSpec.parse("uniform").fps()).isEqualTo(1.0);
        assertThat(SamplerSpec.parse("scene:0.5").sceneThreshold()).isEqualTo(0.5);
        assertThat(SamplerSpec.parse("scene").kind()).isEqualTo(SamplerSpec.Kind.SCENE);
        assertThat(SamplerSpec.parse("KEYFRAMES").kind()).isEqualTo(SamplerSpec.Kind.KEYFRAMES);
        assertThat(SamplerSpec.parse("uniform:0.5")).hasToString("uniform:0.5");
        assertThat(SamplerSpec.parse("keyframes:1")).isEqualTo(SamplerSpec.keyframes(1)).hasToString("keyframes:1");
        assertThat(SamplerSpec.parse("keyframes")).hasToString("keyframes");
    }

    @Test
    void badSamplersAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SamplerSpec.parse("random:3")).hasMessageContaining("unknown sampler 'random:3'");
        assertThatThrownBy(() -> SamplerSpec.parse("uniform:fast")).hasMessageContaining("'fast'").hasMessageContaining("not a number");
        assertThatThrownBy(() -> SamplerSpec.parse("uniform:0")).hasMessageContaining("0 < fps");
        assertThatThrownBy(() -> SamplerSpec.parse("scene:1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> SamplerSpec.parse("keyframes:-1")).hasMessageContaining("0 <= fps");
    }
}
