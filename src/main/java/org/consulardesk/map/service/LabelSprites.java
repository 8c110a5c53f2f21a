package org.consulardesk.map.service;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map labels measured once and drawn once: a label's letters with their white halo are drawn into a
 * small transparent image the first time a tile shows it, and copied onto every later tile (a copy
 * costs a fraction of filling and stroking the letters' outlines again). A label is placed on whole
 * pixels of the world at its zoom, so a name cut by a tile's edge continues exactly on the next tile.
 * The most recently used {@link #CAPACITY} labels are kept.
 */
final class LabelSprites {
    static final int CAPACITY = 1_500;
    /** The tiles' text rendering: identity transform, antialiased, integer metrics. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, false);
    private static final int PAD = 3;

    /** A label's text, visual bounds (relative to its baseline origin) and, once drawn, its image. */
    static final class Label {
        private final GlyphVector glyphs;
        private final Color colour;
        private final Rectangle2D bounds;
        private volatile BufferedImage sprite;
        private int spriteX;
        private int spriteY;

        private Label(GlyphVector glyphs, Color colour) {
            this.glyphs = glyphs;
            this.colour = colour;
            this.bounds = glyphs.getVisualBounds();
        }

        Rectangle2D bounds() {
            return bounds;
        }

        /** Draws the label with its baseline origin at (x, y), rounded to whole pixels. */
        void draw(Graphics2D g, double x, double y) {
            BufferedImage image = sprite();
            g.drawImage(image, (int) Math.round(x) + spriteX, (int) Math.round(y) + spriteY, null);
        }

        private BufferedImage sprite() {
            BufferedImage s = sprite;
            if (s == null) {
                synchronized (this) {
                    s = sprite;
                    if (s == null) {
                        int x0 = (int) Math.floor(bounds.getMinX()) - PAD;
                        int y0 = (int) Math.floor(bounds.getMinY()) - PAD;
                        int w = (int) Math.ceil(bounds.getMaxX()) + PAD - x0;
                        int h = (int) Math.ceil(bounds.getMaxY()) + PAD - y0;
                        s = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB_PRE);
                        Graphics2D g = s.createGraphics();
                        try {
                            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                            g.translate(-x0, -y0);
                            Shape outline = glyphs.getOutline();
                            g.setColor(BasemapRenderer.HALO);
                            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                            g.draw(outline);
                            g.setColor(colour);
                            g.fill(outline);
                        } finally {
                            g.dispose();
                        }
                        spriteX = x0;
                        spriteY = y0;
                        sprite = s;
                    }
                }
            }
            return s;
        }
    }

    private record Key(String text, Font font, int rgb) {
    }

    private final Map<Key, Label> labels = new LinkedHashMap<>(2_048, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Label> eldest) {
            return size() > CAPACITY;
        }
    };

    Label get(String text, Font font, Color colour) {
        Key key = new Key(text, font, colour.getRGB());
        synchronized (labels) {
            Label l = labels.get(key);
            if (l == null) {
                l = new Label(font.createGlyphVector(FRC, text), colour);
                labels.put(key, l);
            }
            return l;
        }
    }

    int size() {
        synchronized (labels) {
            return labels.size();
        }
    }
}
