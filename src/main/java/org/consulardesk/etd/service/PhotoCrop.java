package org.consulardesk.etd.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.consulardesk.core.UserError;

/**
 * The ETD photo: a JPEG or PNG (or a scan) cropped to the ICAO portrait aspect of 35 x 45 mm and
 * scaled to 413 x 531 pixels (300 dpi), stored as JPEG. The crop rectangle comes from the screen's face
 * guide; its height is corrected to the aspect here so that no caller can store another shape.
 */
public final class PhotoCrop {
    public static final int WIDTH = 413;
    public static final int HEIGHT = 531;
    public static final double ASPECT = 35.0 / 45.0;

    private PhotoCrop() {
    }

    /** A crop rectangle in the pixels of the original image. */
    public record Area(int x, int y, int width, int height) {
    }

    public static BufferedImage decode(byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                throw new UserError("error.etd.photo.format");
            }
            return image;
        } catch (IOException e) {
            throw new UserError(e, "error.etd.photo.format");
        }
    }

    /** The largest centred area of the ICAO aspect in an image of this size: the starting crop. */
    public static Area initial(int imageWidth, int imageHeight) {
        int width = imageWidth;
        int height = (int) Math.round(width / ASPECT);
        if (height > imageHeight) {
            height = imageHeight;
            width = (int) Math.round(height * ASPECT);
        }
        return new Area((imageWidth - width) / 2, (imageHeight - height) / 2, width, height);
    }

    /** Crops the imported image to {@code area} (aspect enforced, kept inside the image) and encodes a JPEG. */
    public static byte[] crop(byte[] original, Area area) {
        BufferedImage image = decode(original);
        int width = Math.max(8, Math.min(area.width(), image.getWidth()));
        int height = (int) Math.round(width / ASPECT);
        if (height > image.getHeight()) {
            height = image.getHeight();
            width = (int) Math.round(height * ASPECT);
        }
        int x = Math.max(0, Math.min(area.x(), image.getWidth() - width));
        int y = Math.max(0, Math.min(area.y(), image.getHeight() - height));
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, WIDTH, HEIGHT, x, y, x + width, y + height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
