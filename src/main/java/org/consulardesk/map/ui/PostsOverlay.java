package org.consulardesk.map.ui;

import com.gluonhq.maps.MapLayer;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.map.model.ConsularPost;
import org.consulardesk.map.service.PostsService;

/** The ministry's consular posts: a square marker with the post's name; this registry's own post stands out. */
public final class PostsOverlay extends OverlayLayer implements MapOverlay {
    static final Color OWN = Color.web("#1d4ed8");
    static final Color OTHER = Color.web("#0f766e");
    /** Length of the stem between the post's point and its marker (pixels). */
    static final double STEM = 9;

    private final PostsService posts;
    private final BackgroundTasks tasks;
    private List<ConsularPost> shown = List.of();
    private boolean loaded;
    /** The posts' names, drawn below the registrants so a name never hides a group's count (ADR 0073 notes). */
    private final Names names = new Names();

    public PostsOverlay(PostsService posts, BackgroundTasks tasks) {
        this.posts = posts;
        this.tasks = tasks;
        setId("map-layer-posts");
    }

    @Override
    public String titleKey() {
        return "map.layer.posts";
    }

    @Override
    public MapLayer layer() {
        return this;
    }

    @Override
    public MapLayer underLayer() {
        return names;
    }

    /** The layer with the posts' names (below the registrants' layer). */
    MapLayer namesLayer() {
        return names;
    }

    @Override
    public List<LegendEntry> legend() {
        return List.of(new LegendEntry(OWN, Ui.text("map.legend.ownPost")), new LegendEntry(OTHER, Ui.text("map.legend.otherPost")));
    }

    /** Posts drawn now. */
    List<ConsularPost> shown() {
        return shown;
    }

    @Override
    public void refresh(Viewport viewport) {
        // Posts are few and change rarely: read once, drawn at every zoom.
        if (loaded) {
            return;
        }
        loaded = true;
        tasks.run(Ui.text("map.loading"), p -> posts.posts(), list -> {
            shown = List.copyOf(list);
            rebuild();
        }, failure -> loaded = false);
    }

    private void rebuild() {
        getChildren().clear();
        names.clear();
        for (ConsularPost p : shown) {
            Color c = p.own() ? OWN : OTHER;
            double s = p.own() ? 14 : 11;
            // A pin: the basemap writes a place's name right of its dot, and a post usually sits at its city's
            // dot, so the marker stands on a short stem above the point and the name centred above the marker;
            // only the stem's foot touches the point, and the city's name stays readable beside it.
            double half = s / Math.sqrt(2);
            double centre = -(STEM + half);
            Line stem = new Line(0, 0, 0, -STEM);
            stem.setStroke(c);
            stem.setStrokeWidth(2);
            Circle foot = new Circle(0, 0, 2.5, c);
            foot.setStroke(Color.WHITE);
            foot.setStrokeWidth(1);
            Rectangle mark = new Rectangle(-s / 2, centre - s / 2, s, s);
            mark.setRotate(45);
            mark.setFill(c);
            mark.setStroke(Color.WHITE);
            mark.setStrokeWidth(2);
            Text name = label(p.name(), c, centre - half - 4);
            name.setStroke(Color.WHITE);
            name.setStrokeWidth(3);
            Text fill = label(p.name(), c, centre - half - 4);
            Group g = new Group(stem, foot, mark);
            g.setUserData(new double[] {p.latitude(), p.longitude()});
            Group label = new Group(name, fill);
            label.setUserData(g.getUserData());
            label.setMouseTransparent(true);
            names.add(label);
            g.getStyleClass().add("map-post");
            g.setAccessibleText(Ui.text(p.own() ? "map.post.ownAccessible" : "map.post.accessible", p.name()));
            g.setMouseTransparent(true);
            getChildren().add(g);
        }
        changed();
        names.changed();
    }

    private static Text label(String text, Color colour, double bottom) {
        Text t = new Text(text);
        t.setFont(Font.font("System", FontWeight.BOLD, 11));
        t.setFill(colour.darker());
        t.setTextOrigin(VPos.BOTTOM);
        t.setX(-t.getLayoutBounds().getWidth() / 2);
        t.setY(bottom);
        return t;
    }

    @Override
    protected void layoutLayer() {
        place(this);
    }

    private static void place(OverlayLayer layer) {
        for (Node n : layer.getChildrenUnmodifiable()) {
            double[] ll = (double[]) n.getUserData();
            Point2D p = layer.toLayer(ll[0], ll[1]);
            if (p != null) {
                n.setTranslateX(p.getX());
                n.setTranslateY(p.getY());
            }
        }
    }

    /** The names' layer: placed like the markers. */
    private static final class Names extends OverlayLayer {
        Names() {
            setId("map-layer-posts-names");
            setMouseTransparent(true);
        }

        void clear() {
            getChildren().clear();
        }

        void add(Node n) {
            getChildren().add(n);
        }

        @Override
        protected void layoutLayer() {
            place(this);
        }
    }
}
