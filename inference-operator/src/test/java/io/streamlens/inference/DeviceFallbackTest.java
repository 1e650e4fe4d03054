package io.streamlens.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.inference.vlm.VlmPack;
import org.junit.jupiter.api.Test;

class DeviceFallbackTest {

    @Test
    void parsesTheDeviceOption() {
        assertThat(Device.parse("cpu")).isEqualTo(Device.CPU);
        assertThat(Device.parse("CUDA")).isEqualTo(Device.cuda(0));
        assertThat(Device.parse("cuda:3")).isEqualTo(Device.cuda(3));
        assertThat(Device.parse("cuda:3").toString()).isEqualTo("cuda:3");
        assertThatThrownBy(() -> Device.parse("tpu")).hasMessageContaining("expected cpu, cuda or cuda:N");
        assertThatThrownBy(() -> Device.parse("cuda:-1")).hasMessageContaining("expected cpu, cuda or cuda:N");
    }

    @Test
    void runsOnTheCpuAndSaysWhyWhenCudaIsNotAvailable() {
        // This host has the CPU build of ONNX Runtime and no GPU: asking for CUDA must still work.
        RuntimeOptions cuda = RuntimeOptions.defaults().withDevice(Device.cuda(1));

        try (ModelPack pack = ModelPack.builtIn("tiny-color", cuda)) {
            assertThat(pack.device().requested()).isEqualTo(Device.cuda(1));
            assertThat(pack.device().used()).isEqualTo(Device.CPU);
            assertThat(pack.device().fellBack()).isTrue();
            assertThat(pack.device().fallbackReason().orElseThrow()).contains("cuda:1 requested but", "CUDA");
            VlmPack vlm = (VlmPack) pack;
            assertThat(vlm.caption(vlm.encodeImage(RgbImage.filled(40, 40, 255, 0, 0))).text()).isEqualTo("red");
        }
    }

    @Test
    void reportsNoFallbackWhenTheCpuWasAskedFor() {
        try (ModelPack pack = ModelPack.builtIn("tiny-color", RuntimeOptions.defaults())) {
            assertThat(pack.device().fellBack()).isFalse();
            assertThat(pack.device().used()).isEqualTo(Device.CPU);
        }
    }
}
