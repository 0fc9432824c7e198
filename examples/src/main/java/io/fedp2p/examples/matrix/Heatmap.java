package io.fedp2p.examples.matrix;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;

/**
 * {@code matrix.png}: one heat-map panel per Byzantine fraction, attacks down, defences across, each cell coloured by
 * honest mean accuracy on one scale for all panels (red at the lowest value of the matrix, green at the highest) with
 * the value written in it. Drawn with Java2D in headless mode.
 */
public final class Heatmap {
    private static final int LABEL_W = 150;
    private static final int CELL_W = 86;
    private static final int CELL_H = 26;
    private static final int HEADER_H = 58;
    private static final int TITLE_H = 30;

    private Heatmap() {}

    public static void write(MatrixPlan plan, List<CellResult> cells, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CellResult c : cells) {
            lo = Math.min(lo, c.honestAccuracy().mean());
            hi = Math.max(hi, c.honestAccuracy().mean());
        }
        int cols = plan.columns().size();
        int rows = plan.rows().size();
        int panelH = TITLE_H + HEADER_H + rows * CELL_H + 16;
        int width = LABEL_W + cols * CELL_W + 20;
        BufferedImage img = new BufferedImage(width, panelH * plan.fractions().size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            int y0 = 0;
            for (double f : plan.fractions()) {
                panel(g, plan, cells, f, y0, lo, hi);
                y0 += panelH;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static void panel(
            Graphics2D g, MatrixPlan plan, List<CellResult> cells, double f, int y0, double lo, double hi) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(
                String.format(
                        Locale.ROOT,
                        "honest mean test accuracy (%%), %.0f%% Byzantine (%d of %d nodes)",
                        100 * f,
                        MatrixPlan.byzantine(plan.base().nodes(), f),
                        plan.base().nodes()),
                8,
                y0 + 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        int top = y0 + TITLE_H + HEADER_H;
        for (int c = 0; c < plan.columns().size(); c++) {
            String[] words = plan.columns().get(c).label().split(" ", 2);
            int x = LABEL_W + c * CELL_W;
            for (int w = 0; w < words.length; w++) {
                String s = words[w];
                g.drawString(s, x + (CELL_W - fm.stringWidth(s)) / 2, top - 24 + 13 * w);
            }
        }
        for (int r = 0; r < plan.rows().size(); r++) {
            MatrixRow row = plan.rows().get(r);
            int y = top + r * CELL_H;
            g.setColor(Color.BLACK);
            g.drawString(row.label(), 8, y + CELL_H / 2 + fm.getAscent() / 2 - 1);
            for (int c = 0; c < plan.columns().size(); c++) {
                int x = LABEL_W + c * CELL_W;
                OptionalDouble a =
                        Goals.accuracy(cells, row.name(), plan.columns().get(c).name(), f);
                g.setColor(a.isPresent() ? colour(a.getAsDouble(), lo, hi) : Color.LIGHT_GRAY);
                g.fillRect(x, y, CELL_W - 1, CELL_H - 1);
                g.setColor(Color.BLACK);
                String v = a.isPresent() ? String.format(Locale.ROOT, "%.1f", 100 * a.getAsDouble()) : "-";
                g.drawString(v, x + (CELL_W - fm.stringWidth(v)) / 2, y + CELL_H / 2 + fm.getAscent() / 2 - 1);
            }
        }
    }

    /** Red (lowest) through yellow to green (highest). */
    static Color colour(double v, double lo, double hi) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 1;
        t = Math.max(0, Math.min(1, t));
        float hue = (float) (t * 120.0 / 360.0);
        return Color.getHSBColor(hue, 0.55f, 0.95f);
    }
}
