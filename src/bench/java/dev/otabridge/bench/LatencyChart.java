package dev.otabridge.bench;

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

/** Latency against throughput, one line per server and store: p99 solid, p50 dashed. Plain Java2D, no library. */
final class LatencyChart {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)
    };
    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 260;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private LatencyChart() {}

    /** @param series per line, its points as {requests per second, p50 ms, p99 ms}, in order of load */
    static void write(Path png, String title, Map<String, List<double[]>> series) throws IOException {
        double maxX = 1;
        double maxY = 1;
        for (List<double[]> points : series.values()) {
            for (double[] p : points) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[2]);
            }
        }
        maxX = niceCeiling(maxX);
        maxY = niceCeiling(maxY);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int x = LEFT + plotWidth * i / 5;
            int y = TOP + plotHeight - plotHeight * i / 5;
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + plotHeight);
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.0f", maxX * i / 5), x - 10, TOP + plotHeight + 18);
            g.drawString(String.format("%.1f", maxY * i / 5), LEFT - 45, y + 4);
        }
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.drawString("throughput (requests/s)", LEFT + plotWidth / 2 - 60, HEIGHT - 25);
        g.drawString("latency (ms)", 10, TOP - 10);
        int line = 0;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            Color color = COLORS[line % COLORS.length];
            for (int percentile = 1; percentile <= 2; percentile++) {
                g.setColor(color);
                g.setStroke(
                        percentile == 2
                                ? new BasicStroke(2.2f)
                                : new BasicStroke(
                                        1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
                int[] last = null;
                for (double[] p : entry.getValue()) {
                    int x = LEFT + (int) (plotWidth * p[0] / maxX);
                    int y = TOP + plotHeight - (int) (plotHeight * Math.min(p[percentile], maxY) / maxY);
                    g.fillOval(x - 3, y - 3, 6, 6);
                    if (last != null) {
                        g.drawLine(last[0], last[1], x, y);
                    }
                    last = new int[] {x, y};
                }
            }
            g.setStroke(new BasicStroke(2.2f));
            int ly = TOP + 20 + line * 22;
            g.drawLine(WIDTH - RIGHT + 20, ly, WIDTH - RIGHT + 45, ly);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), WIDTH - RIGHT + 52, ly + 4);
            line++;
        }
        g.drawString("solid: p99, dashed: p50", WIDTH - RIGHT + 20, TOP + 20 + line * 22 + 10);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
