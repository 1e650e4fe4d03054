package io.streamlens.deploy.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A PNG line chart of caption latency (p50, p95) against concurrent live streams, per delivery mode. */
public final class LatencyPlot {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(148, 103, 189)};

    /** One measured point. */
    public record Point(int streams, double p50Ms, double p95Ms) {
    }

    private LatencyPlot() {
    }

    public static void write(Map<String, List<Point>> byMode, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int maxStreams = byMode.values().stream().flatMap(List::stream).mapToInt(Point::streams).max().orElse(1);
            double maxMs = byMode.values().stream().flatMap(List::stream).mapToDouble(Point::p95Ms).max().orElse(1) * 1.15;
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString("Caption latency: segment in Kafka to caption in Kafka", LEFT, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
            g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
            for (int s = 1; s <= maxStreams; s++) {
                int x = LEFT + (maxStreams == 1 ? plotW / 2 : (s - 1) * plotW / (maxStreams - 1));
                g.drawLine(x, TOP + plotH, x, TOP + plotH + 5);
                g.drawString(Integer.toString(s), x - 4, TOP + plotH + 20);
            }
            g.drawString("concurrent live streams", LEFT + plotW / 2 - 60, HEIGHT - 15);
            for (int i = 0; i <= 5; i++) {
                double ms = maxMs * i / 5;
                int y = TOP + plotH - (int) (plotH * i / 5.0);
                g.setColor(new Color(230, 230, 230));
                g.drawLine(LEFT + 1, y, LEFT + plotW, y);
                g.setColor(Color.BLACK);
                g.drawString(String.format("%.0f ms", ms), 10, y + 4);
            }
            int series = 0;
            for (var mode : byMode.entrySet()) {
                for (int quantile = 0; quantile < 2; quantile++) {
                    Color color = COLORS[series % COLORS.length];
                    g.setColor(color);
                    g.setStroke(quantile == 0 ? new BasicStroke(2.5f)
                            : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                    int px = -1;
                    int py = -1;
                    for (Point p : mode.getValue()) {
                        int x = LEFT + (maxStreams == 1 ? plotW / 2 : (p.streams() - 1) * plotW / (maxStreams - 1));
                        int y = TOP + plotH - (int) (plotH * (quantile == 0 ? p.p50Ms() : p.p95Ms()) / maxMs);
                        g.fillOval(x - 4, y - 4, 8, 8);
                        if (px >= 0) {
                            g.drawLine(px, py, x, y);
                        }
                        px = x;
                        py = y;
                    }
                    int ly = TOP + 20 + series * 40 + quantile * 18;
                    g.drawLine(LEFT + plotW + 15, ly, LEFT + plotW + 40, ly);
                    g.setColor(Color.BLACK);
                    g.drawString(mode.getKey() + (quantile == 0 ? " p50" : " p95"), LEFT + plotW + 45, ly + 4);
                }
                series++;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }
}
