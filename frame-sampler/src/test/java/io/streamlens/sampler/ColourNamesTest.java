package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Looks;
import org.junit.jupiter.api.Test;

class ColourNamesTest {
    static byte[] image(int width, int height, int[] left, int[] right) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] c = x < width / 2 ? left : right;
                int i = (y * width + x) * 3;
                rgb[i] = (byte) c[0];
                rgb[i + 1] = (byte) c[1];
                rgb[i + 2] = (byte) c[2];
            }
        }
        return rgb;
    }

    @Test
    void aSolidFrameIsNamedByItsColour() {
        int[] red = {220, 20, 20};
        assertThat(ColourNames.of(image(160, 90, red, red), 160, 90).colours()).containsExactly("red");
        int[] green = {30, 160, 60};
        assertThat(ColourNames.of(image(160, 90, green, green), 160, 90).colours()).containsExactly("green");
    }

    @Test
    void twoHalvesAreBothNamedAndBrightnessIsTheMeanLuma() {
        Looks looks = ColourNames.of(image(160, 90, new int[] {20, 40, 230}, new int[] {255, 255, 255}), 160, 90);
        assertThat(looks.colours()).containsExactlyInAnyOrder("blue", "white");
        assertThat(looks.brightness()).isBetween(0.6, 0.7);
    }

    @Test
    void greysAndDarknessAreToldApartFromColours() {
        assertThat(ColourNames.name(10, 10, 10)).isEqualTo("black");
        assertThat(ColourNames.name(128, 128, 130)).isEqualTo("grey");
        assertThat(ColourNames.name(240, 240, 235)).isEqualTo("white");
        assertThat(ColourNames.name(120, 70, 20)).isEqualTo("brown");
        assertThat(ColourNames.name(250, 150, 20)).isEqualTo("orange");
        assertThat(ColourNames.name(240, 230, 30)).isEqualTo("yellow");
    }
}
