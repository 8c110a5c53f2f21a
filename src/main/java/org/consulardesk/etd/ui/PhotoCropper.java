package org.consulardesk.etd.ui;

import java.io.ByteArrayInputStream;
import javafx.scene.Group;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.etd.service.PhotoCrop;

/**
 * The imported photo with a crop frame of the ICAO aspect (35 x 45 mm) and a face guide (oval for the
 * head, about 70–80 % of the height, and the eye line). Arrow keys or dragging move the frame; + and −
 * resize it. The frame is reported in the pixels of the original image.
 */
final class PhotoCropper extends Pane {
    static final double BOX_W = 300;
    static final double BOX_H = 360;
    private final ImageView view = new ImageView();
    private final Rectangle frame = new Rectangle();
    private final Ellipse face = new Ellipse();
    private final Line eyes = new Line();
    private final Group guide = new Group(frame, face, eyes);
    private double scale = 1;
    private double imageW;
    private double imageH;
    private double dragX;
    private double dragY;

    PhotoCropper() {
        setId("etd-photo-cropper");
        setPrefSize(BOX_W, BOX_H);
        setMinSize(BOX_W, BOX_H);
        setMaxSize(BOX_W, BOX_H);
        setStyle("-fx-background-color: #e8eaee; -fx-border-color: #9aa3ad;");
        setFocusTraversable(true);
        setAccessibleText(Ui.text("etd.photo.cropper"));
        view.setPreserveRatio(true);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(Color.web("#d9480f"));
        frame.setStrokeWidth(2);
        face.setFill(Color.TRANSPARENT);
        face.setStroke(Color.web("#2b8a3e"));
        face.getStrokeDashArray().addAll(6.0, 4.0);
        eyes.setStroke(Color.web("#2b8a3e"));
        guide.setVisible(false);
        guide.setMouseTransparent(false);
        getChildren().addAll(view, guide);
        frame.setOnMousePressed(e -> {
            dragX = e.getX() - frame.getX();
            dragY = e.getY() - frame.getY();
            requestFocus();
        });
        frame.setOnMouseDragged(e -> moveTo(e.getX() - dragX, e.getY() - dragY));
        setOnMouseClicked(e -> requestFocus());
        setOnKeyPressed(e -> {
            if (!guide.isVisible()) {
                return;
            }
            KeyCode k = e.getCode();
            double step = e.isShiftDown() ? 20 : 4;
            switch (k) {
                case LEFT -> moveTo(frame.getX() - step, frame.getY());
                case RIGHT -> moveTo(frame.getX() + step, frame.getY());
                case UP -> moveTo(frame.getX(), frame.getY() - step);
                case DOWN -> moveTo(frame.getX(), frame.getY() + step);
                case PLUS, ADD, EQUALS -> resize(1.05);
                case MINUS, SUBTRACT -> resize(1 / 1.05);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Shows an image (JPEG/PNG bytes) with the largest centred crop frame. */
    void show(byte[] content) {
        Image image = new Image(new ByteArrayInputStream(content));
        imageW = image.getWidth();
        imageH = image.getHeight();
        view.setImage(image);
        scale = Math.min(BOX_W / imageW, BOX_H / imageH);
        view.setFitWidth(imageW * scale);
        view.setFitHeight(imageH * scale);
        PhotoCrop.Area a = PhotoCrop.initial((int) imageW, (int) imageH);
        frame.setWidth(a.width() * scale);
        frame.setHeight(a.height() * scale);
        moveTo(a.x() * scale, a.y() * scale);
        guide.setVisible(true);
    }

    void clear() {
        view.setImage(null);
        guide.setVisible(false);
    }

    /** The crop in the original image's pixels. */
    PhotoCrop.Area area() {
        return new PhotoCrop.Area((int) Math.round(frame.getX() / scale), (int) Math.round(frame.getY() / scale),
                (int) Math.round(frame.getWidth() / scale), (int) Math.round(frame.getHeight() / scale));
    }

    private void resize(double factor) {
        double w = Math.max(40, Math.min(frame.getWidth() * factor, imageW * scale));
        double h = w / PhotoCrop.ASPECT;
        if (h > imageH * scale) {
            h = imageH * scale;
            w = h * PhotoCrop.ASPECT;
        }
        double cx = frame.getX() + frame.getWidth() / 2;
        double cy = frame.getY() + frame.getHeight() / 2;
        frame.setWidth(w);
        frame.setHeight(h);
        moveTo(cx - w / 2, cy - h / 2);
    }

    private void moveTo(double x, double y) {
        double maxX = imageW * scale - frame.getWidth();
        double maxY = imageH * scale - frame.getHeight();
        frame.setX(Math.max(0, Math.min(x, maxX)));
        frame.setY(Math.max(0, Math.min(y, maxY)));
        // Face guide: head (chin to crown) about 75 % of the height, centred; eyes a little above the middle.
        face.setCenterX(frame.getX() + frame.getWidth() / 2);
        face.setCenterY(frame.getY() + frame.getHeight() * 0.48);
        face.setRadiusX(frame.getWidth() * 0.30);
        face.setRadiusY(frame.getHeight() * 0.375);
        double eyeY = frame.getY() + frame.getHeight() * 0.42;
        eyes.setStartX(frame.getX() + frame.getWidth() * 0.15);
        eyes.setEndX(frame.getX() + frame.getWidth() * 0.85);
        eyes.setStartY(eyeY);
        eyes.setEndY(eyeY);
    }
}
