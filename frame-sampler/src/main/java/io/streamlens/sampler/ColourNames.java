package io.streamlens.sampler;

import io.streamlens.records.Looks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names the colours that cover a frame and how bright it is, from its pixels: each sampled pixel
 * gets the name of its hue band (or black, grey, white when it has little colour), and the names
 * covering at least a quarter of the frame are reported, largest first. Computed, never guessed.
 */
public final class ColourNames {
    /** A colour must cover this share of the frame to be named. */
    static final double MIN_SHARE = 0.25;
    /** Every STEP-th pixel in each direction: a 640×360 frame still gives over 3 600 samples. */
    private static final int STEP = 8;

    private ColourNames() {
    }

    public static Looks of(byte[] rgb, int width, int height) {
        Map<String, Integer> counts = new TreeMap<>();
        double luma = 0;
        int samples = 0;
        for (int y = STEP / 2; y < height; y += STEP) {
            for (int x = STEP / 2; x < width; x += STEP) {
                int i = (y * width + x) * 3;
                int r = rgb[i] & 0xff;
                int g = rgb[i + 1] & 0xff;
                int b = rgb[i + 2] & 0xff;
                counts.merge(name(r, g, b), 1, Integer::sum);
                luma += 0.299 * r + 0.587 * g + 0.114 * b;
                samples++;
            }
        }
        if (samples == 0) {
            return Looks.UNKNOWN;
        }
        int total = samples;
        List<String> colours = new ArrayList<>(counts.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SHARE * total)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).limit(2).toList());
        return new Looks(colours, Math.round(luma / samples / 255 * 1000) / 1000.0);
    }

    static String name(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double value = max / 255.0;
        double saturation = max == 0 ? 0 : (max - min) / (double) max;
        if (value < 0.2) {
            return "black";
        }
        if (saturation < 0.2) {
            return value > 0.8 ? "white" : "grey";
        }
        double hue = hue(r, g, b, max, min);
        if (hue < 15 || hue >= 345) {
            return value < 0.55 ? "brown" : "red";
        }
        if (hue < 40) {
            return value < 0.6 ? "brown" : "orange";
        }
        if (hue < 70) {
            return "yellow";
        }
        if (hue < 165) {
            return "green";
        }
        if (hue < 200) {
            return "cyan";
        }
        if (hue < 260) {
            return "blue";
        }
        if (hue < 300) {
            return "purple";
        }
        return "pink";
    }

    private static double hue(int r, int g, int b, int max, int min) {
        double d = max - min;
        double h;
        if (max == r) {
            h = 60 * (((g - b) / d) % 6);
        } else if (max == g) {
            h = 60 * ((b - r) / d + 2);
        } else {
            h = 60 * ((r - g) / d + 4);
        }
        return h < 0 ? h + 360 : h;
    }
}
