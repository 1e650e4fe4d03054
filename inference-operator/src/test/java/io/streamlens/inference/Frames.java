package io.streamlens.inference;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Test frames drawn with Java2D: solid colours and text in the DejaVu fonts Debian ships. */
public final class Frames {

    public static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");

    private Frames() {
    }

    public static Font font(String file, float size) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, FONTS.resolve(file).toFile()).deriveFont(size);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of text drawn one below the other from {@code (x, y)}, anti-aliased, on a plain background. */
    public static RgbImage text(int width, int height, Color background, Color ink, Font font, int x, int y,
            List<String> lines) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(background);
            g.fillRect(0, 0, width, height);
            g.setColor(ink);
            g.setFont(font);
            int lineHeight = g.getFontMetrics().getHeight();
            int baseline = y + g.getFontMetrics().getAscent();
            for (String line : lines) {
                g.drawString(line, x, baseline);
                baseline += lineHeight * 3 / 2;
            }
        } finally {
            g.dispose();
        }
        return RgbImage.of(image);
    }
}
