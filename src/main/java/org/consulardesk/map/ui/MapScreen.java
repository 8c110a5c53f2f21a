package org.consulardesk.map.ui;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.AnchorPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.geo.model.Place;
import org.consulardesk.geo.service.Gazetteer;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.InsideBreakdown;
import org.consulardesk.map.model.InsideArea;
import org.consulardesk.map.model.InsideCover;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.NameOrder;
import org.consulardesk.map.model.MbTilesInfo;
import org.consulardesk.map.model.Severity;
import org.consulardesk.map.service.BasemapService;
import org.consulardesk.map.service.HotspotService;
import org.consulardesk.map.service.InsideService;
import org.consulardesk.map.service.LocalProjection;
import org.consulardesk.map.service.MapSettingsService;
import org.consulardesk.map.service.OfflineDownload;
import org.consulardesk.map.service.OsmTiles;
import org.consulardesk.map.service.TileMath;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.service.LocationService;

/**
 * The crisis map: offline basemap, registrants (clusters and markers), hotspots (draw, import,
 * edit, export), who is inside an area, place search, and the basemap's sources.
 */
public final class MapScreen implements View {
    private enum Mode { NONE, POLYGON, CIRCLE }

    private final LocationService locations;
    private final HotspotService hotspots;
    private final InsideService inside;
    private final MapSettingsService settings;
    private final Gazetteer gazetteer;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final LongConsumer onOpenPerson;
    private final BasemapService basemap = OfflineTileRetriever.service();

    private final BorderPane root = new BorderPane();
    private final MapView map = new MapView();
    private final List<MapOverlay> overlays = new ArrayList<>();
    private final VBox layerToggles = new VBox(6);
    private final RegistrantsOverlay registrants;
    private final HotspotsOverlay hotspotLayer;
    private final DrawOverlay draw = new DrawOverlay();
    private final PauseTransition settle = new PauseTransition(Duration.millis(250));

    private final Label coordinates = new Label();
    private final Label scaleLabel = new Label();
    private final Rectangle scaleBar = new Rectangle(100, 4, Color.web("#333"));
    private final Label hint = new Label();
    private final VBox card = new VBox(6);

    private final TextField search = Ui.field("map.search");
    private final ListView<Place> places = new ListView<>();
    private final ComboBox<MarkerColouring> colourBy = new ComboBox<>();
    private final ListView<Hotspot> hotspotList = new ListView<>();
    private final VBox details = new VBox(6);
    private final TextField name = Ui.field("map.hotspot.name");
    private final ComboBox<HotspotType> type = new ComboBox<>(FXCollections.observableArrayList(HotspotType.values()));
    private final ComboBox<Severity> severity = new ComboBox<>(FXCollections.observableArrayList(Severity.values()));
    private final DatePicker validFrom = new DatePicker();
    private final DatePicker validTo = new DatePicker();
    private final TextField source = Ui.field("map.hotspot.source");
    private final TextArea notes = new TextArea();
    private final Button save = Ui.primary("map.hotspot.save", e -> saveHotspot());
    private final Button editVertices = Ui.button("map.hotspot.editVertices", e -> editVertices());
    private final Button delete = Ui.button("map.hotspot.delete", e -> deleteHotspot());
    private final Spinner<Double> buffer = new Spinner<>(0.0, 500.0, 0.0, 0.5);
    private final Label insideCount = new Label();
    private final Label insideBreakdown = new Label();
    private final ListView<LocatedPerson> insideList = new ListView<>();
    private final Button insideMore = new Button();
    private final Button insideExport = Ui.button("map.inside.export", e -> exportInside());
    private InsideCover insideCover;
    /** The area (and buffer) of the last count, handed to the export as it was counted (ADR 0073). */
    private InsideArea insideArea;
    private Consumer<InsideArea> onExportInside;
    /** Everyone inside in name order, once computed after the count (ids only; names are read by page). */
    private NameOrder insideOrder;
    private int insidePages;
    /** Whether OpenStreetMap tiles are allowed (changed on the Settings screen). */
    private final Label onlineStatus = new Label();
    /** Hotspots whose validity ended are hidden unless this is ticked. */
    private final CheckBox showExpired = new CheckBox(Ui.text("map.hotspots.showExpired"));
    private final Spinner<Integer> fromZoom = new Spinner<>(0, 19, 10);
    private final Spinner<Integer> toZoom = new Spinner<>(0, 19, 14);
    private final Label estimate = new Label();
    private final Button download = Ui.button("map.basemap.download", e -> downloadArea());

    private ScrollPane panelScroll;
    private Mode mode = Mode.NONE;
    private LatLon circleCentre;
    private Area pending;
    private Hotspot selected;
    private Area edited;
    private boolean firstShow = true;
    private Supplier<Optional<LatLon>> postPlace = Optional::empty;

    public MapScreen(LocationService locations, HotspotService hotspots, InsideService inside, MapSettingsService settings,
                     Gazetteer gazetteer, BackgroundTasks tasks, DialogService dialogs, LongConsumer onOpenPerson) {
        this.locations = locations;
        this.hotspots = hotspots;
        this.inside = inside;
        this.settings = settings;
        this.gazetteer = gazetteer;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.onOpenPerson = onOpenPerson;
        registrants = new RegistrantsOverlay(locations, tasks, this::showCard, (zoom, ll) -> goTo(ll[0], ll[1], zoom));
        hotspotLayer = new HotspotsOverlay(this::select);
        hotspotLayer.setToday(hotspots::today); // the session's date, not the workstation's
        draw.setMapPosition((x, y) -> at(x, y));
        map.setId("map-view");
        map.setFocusTraversable(true);
        // Seams between tiles placed at fractional pixels show this colour: the land's, where they would show most.
        map.setStyle("-fx-background-color: #f2efe9;");
        map.setZoom(2);
        map.setCenter(20, 10);
        map.addLayer(draw);
        addOverlay(hotspotLayer);
        showExpired.setId("map-show-expired");
        showExpired.setWrapText(true);
        showExpired.selectedProperty().addListener((o, was, is) -> hotspotLayer.setShowExpired(is));
        showExpired.setPadding(new Insets(0, 0, 6, 24));
        layerToggles.getChildren().add(showExpired);
        addOverlay(registrants);
        // The drawing layer stays on top of every layer added later.
        map.removeLayer(draw);
        map.addLayer(draw);
        root.setId("map-screen");
        root.setCenter(mapArea());
        root.setRight(panel());
        settle.setOnFinished(e -> refreshOverlays());
        draw.setOnViewChanged(settle::playFromStart);
        map.widthProperty().addListener((o, a, b) -> settle.playFromStart());
        map.heightProperty().addListener((o, a, b) -> settle.playFromStart());
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, this::onMapClicked);
        // Alt+R, "Export people inside…": the button is hidden when the screen is built and its own
        // mnemonic never fired it (tested, also when made with Ui.button), so the screen takes the key.
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.R && insideExport.isVisible() && !insideExport.isDisabled()) {
                e.consume();
                insideExport.fire();
            }
        });
        map.addEventFilter(MouseEvent.MOUSE_MOVED, this::onMouseMoved);
        map.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> map.requestFocus());
        map.setOnKeyPressed(e -> {
            double z = Math.round(draw.currentZoom());
            MapPoint c = map.getCenter();
            double step = 360 / (256 * Math.pow(2, z)) * 120;
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> goTo(c.getLatitude(), c.getLongitude(), Math.min(18, z + 1));
                case MINUS, SUBTRACT -> goTo(c.getLatitude(), c.getLongitude(), Math.max(1, z - 1));
                case LEFT -> goTo(c.getLatitude(), c.getLongitude() - step, z);
                case RIGHT -> goTo(c.getLatitude(), c.getLongitude() + step, z);
                case UP -> goTo(Math.min(84, c.getLatitude() + step * Math.cos(Math.toRadians(c.getLatitude()))), c.getLongitude(), z);
                case DOWN -> goTo(Math.max(-84, c.getLatitude() - step * Math.cos(Math.toRadians(c.getLatitude()))), c.getLongitude(), z);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        map.setAccessibleText(Ui.text("map.view.accessible"));
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && mode != Mode.NONE) {
                cancelDrawing();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && mode == Mode.POLYGON) {
                finishPolygon();
                e.consume();
            }
        });
    }

    /** Adds a layer with its switch and legend to the map; later features add theirs this way. */
    public void addOverlay(MapOverlay overlay) {
        overlays.add(overlay);
        map.addLayer(overlay.layer());
        MapLayer under = overlay.underLayer();
        if (under != null) {
            // Order: ..., this overlay's names, the registrants, this overlay's markers, the drawing layer.
            map.addLayer(under);
            if (registrants != null) {
                map.removeLayer(registrants.layer());
                map.addLayer(registrants.layer());
            }
            map.removeLayer(overlay.layer());
            map.addLayer(overlay.layer());
            map.removeLayer(draw);
            map.addLayer(draw);
        }
        CheckBox toggle = new CheckBox(Ui.text(overlay.titleKey()));
        toggle.setSelected(true);
        toggle.setId("map-toggle-" + overlay.layer().getId());
        toggle.selectedProperty().addListener((o, was, is) -> {
            overlay.layer().setVisible(is);
            if (under != null) {
                under.setVisible(is);
            }
            if (is) {
                overlay.refresh(viewport());
            }
        });
        VBox legend = new VBox(2);
        legend.setPadding(new Insets(0, 0, 4, 24));
        fillLegend(legend, overlay);
        legend.setUserData(overlay);
        layerToggles.getChildren().addAll(toggle, legend);
    }

    private static void fillLegend(VBox legend, MapOverlay overlay) {
        legend.getChildren().clear();
        for (MapOverlay.LegendEntry entry : overlay.legend()) {
            Rectangle swatch = new Rectangle(12, 12, entry.colour());
            swatch.setArcWidth(12);
            swatch.setArcHeight(12);
            Label l = new Label(entry.text(), swatch);
            l.getStyleClass().add(Styles.MUTED);
            legend.getChildren().add(l);
        }
    }

    // ---------- map area ----------

    private Node mapArea() {
        AnchorPane over = new AnchorPane();
        over.setPickOnBounds(false);
        Label attribution = new Label(Ui.text("map.attribution", OsmTiles.ATTRIBUTION));
        attribution.setId("map-attribution");
        attribution.setStyle("-fx-background-color: rgba(255,255,255,0.8); -fx-padding: 2 6; -fx-font-size: 11px;");
        AnchorPane.setRightAnchor(attribution, 0.0);
        AnchorPane.setBottomAnchor(attribution, 0.0);
        VBox scale = new VBox(2, coordinates, new VBox(scaleLabel, scaleBar));
        scale.setId("map-scale");
        scale.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 4 8; -fx-background-radius: 4;");
        scale.setMouseTransparent(true);
        coordinates.setId("map-coordinates");
        scaleLabel.setId("map-scale-label");
        AnchorPane.setLeftAnchor(scale, 8.0);
        AnchorPane.setBottomAnchor(scale, 26.0);
        hint.setId("map-hint");
        hint.setStyle("-fx-background-color: #0b5cad; -fx-text-fill: white; -fx-padding: 6 10; -fx-background-radius: 4;");
        hint.setVisible(false);
        hint.setMouseTransparent(true);
        AnchorPane.setTopAnchor(hint, 8.0);
        AnchorPane.setLeftAnchor(hint, 8.0);
        card.setId("map-card");
        card.setStyle("-fx-background-color: white; -fx-padding: 10; -fx-background-radius: 6; -fx-border-color: #ccc;"
                + " -fx-border-radius: 6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
        card.setVisible(false);
        card.setMaxWidth(280);
        AnchorPane.setTopAnchor(card, 48.0);
        AnchorPane.setLeftAnchor(card, 8.0);
        over.getChildren().addAll(attribution, scale, hint, card);
        StackPane stack = new StackPane(map, over);
        stack.setMinSize(200, 200);
        return stack;
    }

    private LatLon at(double x, double y) {
        MapPoint p = map.getMapPosition(x, y);
        double lon = ((p.getLongitude() + 540) % 360) - 180;
        double lat = Math.max(-85, Math.min(85, p.getLatitude()));
        return Double.isFinite(lat) && Double.isFinite(lon) ? new LatLon(lat, lon) : null;
    }

    MapOverlay.Viewport viewport() {
        double w = Math.max(1, map.getWidth());
        double h = Math.max(1, map.getHeight());
        MapPoint nw = map.getMapPosition(0, 0);
        MapPoint se = map.getMapPosition(w, h);
        double north = Math.min(90, Math.max(-90, nw.getLatitude()));
        double south = Math.min(north, Math.max(-90, se.getLatitude()));
        double west = nw.getLongitude();
        double east = se.getLongitude();
        GeoBox box;
        if (east - west >= 360 || !Double.isFinite(west) || !Double.isFinite(east)) {
            box = new GeoBox(south, -180, north, 180);
        } else {
            double w0 = ((west + 540) % 360) - 180;
            double e0 = ((east + 540) % 360) - 180;
            box = new GeoBox(south, w0, north, e0);
        }
        return new MapOverlay.Viewport(box, draw.currentZoom());
    }

    private void refreshOverlays() {
        if (map.getScene() == null || map.getWidth() < 2) {
            return;
        }
        MapOverlay.Viewport v = viewport();
        for (MapOverlay o : overlays) {
            if (o.layer().isVisible()) {
                o.refresh(v);
            }
        }
        updateScale(v);
        updateEstimate(v);
    }

    private void updateScale(MapOverlay.Viewport v) {
        double lat = (v.box().north() + v.box().south()) / 2;
        double metresPerPixel = TileMath.metresPerPixel(lat, v.zoom());
        double target = metresPerPixel * 120;
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        double nice = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude <= target) {
                nice = m * magnitude;
            }
        }
        scaleBar.setWidth(nice / metresPerPixel);
        scaleLabel.setText(nice >= 1000 ? Ui.text("map.scale.km", (long) (nice / 1000)) : Ui.text("map.scale.m", (long) nice));
    }

    private void onMouseMoved(MouseEvent e) {
        LatLon p = at(e.getX(), e.getY());
        if (p != null) {
            coordinates.setText(String.format(Locale.ROOT, "%.5f, %.5f", p.lat(), p.lon()));
            if (mode == Mode.CIRCLE && circleCentre != null) {
                draw.setCircle(circleCentre, distance(circleCentre, p));
            }
        }
    }

    private static double distance(LatLon a, LatLon b) {
        double[] xy = new LocalProjection(a).forward(b.lat(), b.lon());
        return Math.hypot(xy[0], xy[1]);
    }

    void goTo(double lat, double lon, double zoom) {
        map.setZoom(zoom);
        map.setCenter(lat, lon);
        settle.playFromStart();
    }

    // ---------- side panel ----------

    private Node panel() {
        places.setId("map-places");
        places.setPrefHeight(150);
        places.setVisible(false);
        places.setManaged(false);
        places.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Place p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + " (" + p.countryCode() + ")");
            }
        });
        places.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                goToSelectedPlace();
            }
        });
        places.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                goToSelectedPlace();
            }
        });
        search.setId("map-search");
        search.setPromptText(Ui.text("map.search.prompt"));
        search.setOnAction(e -> searchPlaces());
        Button go = Ui.button("map.search.go", e -> searchPlaces());
        go.setId("map-search-go");
        HBox.setHgrow(search, Priority.ALWAYS);
        VBox searchBox = new VBox(6, new HBox(6, search, go), places);

        colourBy.setId("map-colour-by");
        colourBy.getItems().addAll(Colourings.byVulnerability(), Colourings.byPurpose());
        colourBy.setConverter(new StringConverter<>() {
            @Override
            public String toString(MarkerColouring c) {
                return c == null ? "" : Ui.text(c.titleKey());
            }

            @Override
            public MarkerColouring fromString(String s) {
                return null;
            }
        });
        colourBy.getSelectionModel().select(0);
        colourBy.valueProperty().addListener((o, was, is) -> {
            registrants.setColouring(is);
            layerToggles.getChildren().stream().filter(n -> n.getUserData() == registrants)
                    .forEach(n -> fillLegend((VBox) n, registrants));
        });
        colourBy.setAccessibleText(Ui.text("map.colourBy"));
        VBox layers = new VBox(8, layerToggles, new Label(Ui.text("map.colourBy")), colourBy);

        hotspotList.setId("map-hotspots");
        hotspotList.setPrefHeight(130);
        Label noHotspots = new Label(Ui.text("map.hotspots.empty"));
        noHotspots.setWrapText(true);
        noHotspots.setPadding(new Insets(8));
        hotspotList.setPlaceholder(noHotspots);
        hotspotList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Hotspot h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.name() + " \u2014 " + Ui.text("map.severity." + h.severity().name())
                        + (HotspotsOverlay.expired(h, hotspots.today()) ? " " + Ui.text("map.hotspots.expiredMark") : ""));
            }
        });
        hotspotList.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && (selected == null || selected.id() != is.id())) {
                select(is);
            }
        });
        Button drawPolygon = Ui.button("map.draw.polygon", e -> startDrawing(Mode.POLYGON));
        drawPolygon.setId("map-draw-polygon");
        Button drawCircle = Ui.button("map.draw.circle", e -> startDrawing(Mode.CIRCLE));
        drawCircle.setId("map-draw-circle");
        Button finish = Ui.button("map.draw.finish", e -> finishPolygon());
        finish.setId("map-draw-finish");
        Button importFile = Ui.button("map.hotspots.import", e -> importHotspots());
        importFile.setId("map-hotspots-import");
        Button export = Ui.button("map.hotspots.export", e -> exportHotspots());
        export.setId("map-hotspots-export");
        boolean mayEdit = hotspots.mayEdit();
        importFile.setDisable(!mayEdit);
        FlowPane hotspotButtons = new FlowPane(6, 6, drawPolygon, drawCircle, finish, importFile, export);

        name.setId("map-hotspot-name");
        name.setOnAction(e -> saveHotspot());
        type.setId("map-hotspot-type");
        severity.setId("map-hotspot-severity");
        type.setConverter(enumConverter("map.type."));
        severity.setConverter(enumConverter("map.severity."));
        validFrom.setId("map-hotspot-from");
        validTo.setId("map-hotspot-to");
        source.setId("map-hotspot-source");
        notes.setId("map-hotspot-notes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.setAccessibleText(Ui.text("map.hotspot.notes"));
        save.setId("map-hotspot-save");
        editVertices.setId("map-hotspot-edit");
        delete.setId("map-hotspot-delete");
        save.setDisable(!mayEdit);
        editVertices.setDisable(!mayEdit);
        delete.setDisable(!mayEdit);
        var form = Ui.form();
        Ui.row(form, 0, "map.hotspot.name", name);
        Ui.row(form, 1, "map.hotspot.type", type);
        Ui.row(form, 2, "map.hotspot.severity", severity);
        Ui.row(form, 3, "map.hotspot.validFrom", validFrom);
        Ui.row(form, 4, "map.hotspot.validTo", validTo);
        Ui.row(form, 5, "map.hotspot.source", source);
        Ui.row(form, 6, "map.hotspot.notes", notes);
        // The side panel is narrow: labels as wide as their text, so the fields get the rest (a name reads whole).
        form.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMinWidth(Region.USE_PREF_SIZE));
        details.getChildren().setAll(form, new FlowPane(6, 6, save, editVertices, delete));
        details.setId("map-hotspot-details");
        details.setVisible(false);
        details.setManaged(false);

        buffer.setId("map-buffer");
        buffer.setEditable(true);
        buffer.setPrefWidth(100);
        buffer.setAccessibleText(Ui.text("map.inside.buffer"));
        Button who = Ui.primary("map.inside.run", e -> whoIsInside());
        who.setId("map-inside");
        insideCount.setId("map-inside-count");
        insideCount.getStyleClass().add(Styles.SUBTITLE);
        insideBreakdown.setId("map-inside-breakdown");
        insideBreakdown.setWrapText(true);
        insideList.setId("map-inside-list");
        insideList.setPrefHeight(180);
        insideList.setPlaceholder(new Label(Ui.text("map.inside.none")));
        insideList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LocatedPerson p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.familyName().toUpperCase(Locale.ROOT) + ", " + p.givenNames()
                        + " \u2014 " + Ui.text("purpose." + p.purpose().name()));
            }
        });
        insideList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && insideList.getSelectionModel().getSelectedItem() != null) {
                onOpenPerson.accept(insideList.getSelectionModel().getSelectedItem().id());
            }
        });
        insideList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && insideList.getSelectionModel().getSelectedItem() != null) {
                onOpenPerson.accept(insideList.getSelectionModel().getSelectedItem().id());
            }
        });
        HBox bufferRow = new HBox(6, new Label(Ui.text("map.inside.buffer")), buffer);
        bufferRow.setAlignment(Pos.CENTER_LEFT);
        insideMore.setId("map-inside-more");
        insideMore.setOnAction(e -> showMoreInside());
        insideMore.setVisible(false);
        insideMore.setManaged(false);
        insideExport.setId("map-inside-export");
        insideExport.setAccessibleHelp(Ui.text("map.inside.exportHelp"));
        insideExport.setTooltip(new javafx.scene.control.Tooltip(Ui.text("map.inside.exportHelp")));
        insideExport.setVisible(false);
        insideExport.setManaged(false);
        VBox insideBox = new VBox(6, new Label(Ui.text("map.inside.help")), bufferRow, who, insideCount, insideBreakdown, insideList,
                insideMore, insideExport);
        insideBox.lookupAll(".label").forEach(n -> ((Label) n).setWrapText(true));

        onlineStatus.setId("map-online-status");
        onlineStatus.setWrapText(true);
        onlineStatus.getStyleClass().add(Styles.MUTED);
        Button mbtiles = Ui.button("map.basemap.importMbtiles", e -> importMbTiles());
        mbtiles.setId("map-import-mbtiles");
        fromZoom.setPrefWidth(80);
        toZoom.setPrefWidth(80);
        fromZoom.setAccessibleText(Ui.text("map.basemap.fromZoom"));
        toZoom.setAccessibleText(Ui.text("map.basemap.toZoom"));
        fromZoom.valueProperty().addListener((o, a, b) -> updateEstimate(viewport()));
        toZoom.valueProperty().addListener((o, a, b) -> updateEstimate(viewport()));
        estimate.setId("map-estimate");
        estimate.setWrapText(true);
        download.setId("map-download");
        HBox zooms = new HBox(6, new Label(Ui.text("map.basemap.zooms")), fromZoom, new Label("\u2013"), toZoom);
        zooms.setAlignment(Pos.CENTER_LEFT);
        Label offlineHelp = new Label(Ui.text("map.basemap.prepareHelp"));
        offlineHelp.setWrapText(true);
        offlineHelp.getStyleClass().add(Styles.MUTED);
        VBox basemapBox = new VBox(8, onlineStatus, mbtiles, new Separator(), offlineHelp, zooms, estimate, download);

        VBox panel = new VBox(10,
                titled("map.section.search", searchBox, true),
                titled("map.section.layers", layers, true),
                titled("map.section.hotspots", new VBox(6, hotspotButtons, hotspotList, details), true),
                titled("map.section.inside", insideBox, true),
                titled("map.section.basemap", basemapBox, false));
        panel.setPadding(new Insets(8));
        panel.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(panel);
        panelScroll = scroll;
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(360);
        scroll.setMinWidth(300);
        scroll.setId("map-panel");
        return scroll;
    }

    private static TitledPane titled(String key, Node content, boolean expanded) {
        TitledPane p = new TitledPane(Ui.text(key), content);
        p.setExpanded(expanded);
        p.setId(Ui.idFor(key));
        return p;
    }

    private static <E extends Enum<E>> StringConverter<E> enumConverter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : Ui.text(prefix + e.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }

    // ---------- place search ----------

    private void searchPlaces() {
        String text = search.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        tasks.run(Ui.text("map.search.running"), p -> gazetteer.suggest(text, null, 10), found -> {
            places.getItems().setAll(found);
            boolean any = !found.isEmpty();
            places.setVisible(true);
            places.setManaged(true);
            places.setPlaceholder(new Label(Ui.text("map.search.none", text)));
            if (any) {
                places.getSelectionModel().select(0);
                places.requestFocus();
            }
        }, this::fail);
    }

    private void goToSelectedPlace() {
        Place p = places.getSelectionModel().getSelectedItem();
        if (p != null) {
            goTo(p.latitude(), p.longitude(), 12);
            map.requestFocus();
        }
    }

    // ---------- registrants ----------

    private void showCard(LocatedPerson p) {
        Label title = new Label(p.familyName().toUpperCase(Locale.ROOT) + ", " + p.givenNames());
        title.getStyleClass().add(Styles.SUBTITLE);
        title.setWrapText(true);
        Label purpose = new Label(Ui.text("purpose." + p.purpose().name()));
        Label where = new Label(String.format(Locale.ROOT, "%.5f, %.5f", p.latitude(), p.longitude()));
        where.getStyleClass().add(Styles.MUTED);
        Button open = Ui.primary("map.card.open", e -> onOpenPerson.accept(p.id()));
        open.setId("map-card-open");
        Button close = Ui.button("map.card.close", e -> card.setVisible(false));
        close.setId("map-card-close");
        card.getChildren().setAll(title, purpose, where, new HBox(6, open, close));
        card.setVisible(true);
        open.requestFocus();
    }

    // ---------- hotspots ----------

    private void loadHotspots(long select) {
        tasks.run(Ui.text("map.loading"), p -> hotspots.list(), list -> {
            hotspotList.getItems().setAll(list);
            hotspotLayer.show(list, select);
            list.stream().filter(h -> h.id() == select).findFirst().ifPresent(h -> {
                hotspotList.getSelectionModel().select(h);
                fill(h);
                selected = h;
            });
        }, this::fail);
    }

    private void select(Hotspot h) {
        cancelDrawing();
        selected = h;
        pending = null;
        edited = null;
        fill(h);
        hotspotLayer.show(hotspotList.getItems(), h.id());
        hotspotList.getSelectionModel().select(h);
    }

    private void fill(Hotspot h) {
        name.setText(h == null ? "" : h.name());
        type.setValue(h == null ? HotspotType.OTHER : h.type());
        severity.setValue(h == null ? Severity.WARNING : h.severity());
        validFrom.setValue(h == null ? null : h.validFrom());
        validTo.setValue(h == null ? null : h.validTo());
        source.setText(h == null || h.source() == null ? "" : h.source());
        notes.setText(h == null || h.notes() == null ? "" : h.notes());
        editVertices.setDisable(!hotspots.mayEdit() || h == null || h.area().isCircle()
                || h.area().polygons().size() != 1 || h.area().polygons().get(0).size() != 1);
        delete.setDisable(!hotspots.mayEdit() || h == null);
        details.setVisible(true);
        details.setManaged(true);
    }

    private void startDrawing(Mode m) {
        cancelDrawing();
        mode = m;
        selected = null;
        pending = null;
        hotspotList.getSelectionModel().clearSelection();
        hint.setText(Ui.text(m == Mode.POLYGON ? "map.draw.polygonHint" : "map.draw.circleHint"));
        hint.setVisible(true);
        map.requestFocus();
    }

    private void cancelDrawing() {
        mode = Mode.NONE;
        circleCentre = null;
        draw.clear();
        hint.setVisible(false);
    }

    private void onMapClicked(MouseEvent e) {
        if (mode == Mode.NONE || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        LatLon p = at(e.getX(), e.getY());
        e.consume();
        if (p == null) {
            return;
        }
        if (mode == Mode.POLYGON) {
            if (e.getClickCount() >= 2) {
                finishPolygon();
            } else {
                draw.addPoint(p);
            }
        } else if (circleCentre == null) {
            circleCentre = p;
            draw.setCircle(p, 1);
        } else {
            double radius = distance(circleCentre, p);
            LatLon centre = circleCentre;
            cancelDrawing();
            if (radius > 1) {
                newPending(Area.circle(centre, radius));
            }
        }
    }

    /** Ends the polygon being drawn (double-click, Enter or the Finish button). */
    void finishPolygon() {
        if (mode != Mode.POLYGON) {
            return;
        }
        List<LatLon> ring = draw.points();
        if (ring.size() < 3) {
            dialogs.showError(Ui.text("map.draw.title"), Ui.text("error.map.area.tooFewPoints"));
            return;
        }
        cancelDrawing();
        newPending(Area.polygon(ring));
    }

    private void newPending(Area area) {
        try {
            org.consulardesk.map.service.AreaGeometry.of(area, 0);
        } catch (org.consulardesk.core.UserError e) {
            dialogs.showError(Ui.text("map.draw.title"), e.getMessage());
            return;
        }
        pending = area;
        selected = null;
        fill(null);
        name.requestFocus();
        hotspotLayer.show(hotspotList.getItems(), 0);
        draw.clear();
        if (area.isCircle()) {
            draw.setCircle(area.centre(), area.radiusMetres());
        } else {
            draw.showFinished(area.polygons().get(0).get(0));
        }
    }

    private void editVertices() {
        if (selected == null || selected.area().isCircle()) {
            return;
        }
        hint.setText(Ui.text("map.draw.editHint"));
        hint.setVisible(true);
        draw.edit(selected.area().polygons().get(0).get(0), ring -> edited = Area.polygon(ring));
    }

    private void saveHotspot() {
        Area area = edited != null ? edited : pending != null ? pending : selected == null ? null : selected.area();
        if (area == null) {
            return;
        }
        Hotspot h = new Hotspot(selected == null ? 0 : selected.id(), name.getText() == null ? "" : name.getText().strip(),
                type.getValue(), severity.getValue(), validFrom.getValue(), validTo.getValue(), blankToNull(source.getText()),
                blankToNull(notes.getText()), area, selected == null ? 0 : selected.rowVersion());
        tasks.run(Ui.text("map.hotspot.saving"), p -> hotspots.save(h), saved -> {
            pending = null;
            edited = null;
            draw.clear();
            hint.setVisible(false);
            loadHotspots(saved.id());
        }, this::fail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void deleteHotspot() {
        if (selected == null || !dialogs.confirm(Ui.text("map.hotspot.delete"), Ui.text("map.hotspot.deleteConfirm", selected.name()))) {
            return;
        }
        Hotspot h = selected;
        tasks.run(Ui.text("map.hotspot.saving"), p -> {
            hotspots.delete(h);
            return null;
        }, done -> {
            selected = null;
            details.setVisible(false);
            details.setManaged(false);
            loadHotspots(0);
        }, this::fail);
    }

    private void importHotspots() {
        dialogs.chooseFileToOpen(Ui.text("map.hotspots.import")).ifPresent(file ->
                tasks.run(Ui.text("map.hotspots.importing"), p -> hotspots.importFile(file), saved -> {
                    dialogs.showInfo(Ui.text("map.hotspots.import"), Ui.text("map.hotspots.imported", saved.size(), file.getFileName()));
                    loadHotspots(saved.isEmpty() ? 0 : saved.get(0).id());
                    if (!saved.isEmpty()) {
                        fitTo(saved.get(0).area());
                    }
                }, this::fail));
    }

    private void exportHotspots() {
        List<Hotspot> list = List.copyOf(hotspotList.getItems());
        if (list.isEmpty()) {
            dialogs.showInfo(Ui.text("map.hotspots.export"), Ui.text("map.hotspots.empty"));
            return;
        }
        dialogs.chooseFileToSave(Ui.text("map.hotspots.export"), "hotspots.geojson").ifPresent(file ->
                tasks.run(Ui.text("map.hotspots.exporting"), p -> {
                    AtomicFiles.write(file, hotspots.exportGeoJson(list).getBytes(StandardCharsets.UTF_8));
                    return file;
                }, done -> dialogs.showInfo(Ui.text("map.hotspots.export"), Ui.text("map.hotspots.exported", list.size(),
                        done.getFileName())), this::fail));
    }

    private void fitTo(Area area) {
        org.consulardesk.map.service.AreaGeometry g = org.consulardesk.map.service.AreaGeometry.of(area, 0);
        GeoBox b = g.box();
        double width = Math.max(b.widthDegrees(), (b.north() - b.south()) * 1.5);
        double zoom = Math.max(2, Math.min(16, Math.floor(Math.log(360 / Math.max(1e-6, width) * map.getWidth() / 256) / Math.log(2))));
        LatLon c = LocalProjection.centreOf(area.vertices());
        goTo(c.lat(), c.lon(), zoom);
    }

    // ---------- who is inside ----------

    private void whoIsInside() {
        Area area = edited != null ? edited : pending != null ? pending : selected == null ? null : selected.area();
        if (area == null) {
            dialogs.showInfo(Ui.text("map.section.inside"), Ui.text("map.inside.noArea"));
            return;
        }
        double km = buffer.getValue() == null ? 0 : buffer.getValue();
        // A saved hotspot as it is stored goes to the export by its id; a drawn or changed area by its geometry.
        boolean asStored = edited == null && pending == null && selected != null && selected.id() > 0;
        long hotspotId = asStored ? selected.id() : 0;
        String name = asStored ? selected.name() : null;
        tasks.run(Ui.text("map.inside.running"), p -> inside.count(area, km), r -> {
            insideArea = new InsideArea(hotspotId, name, area, km, r.count());
            showInside(r);
        }, this::fail);
    }

    /**
     * Lets "who is inside" hand its area to the registry export (ADR 0073): after a count, "Export people
     * inside…" calls {@code action} with the area and buffer counted. Without it the button stays hidden.
     */
    public void setOnExportInside(Consumer<InsideArea> action) {
        onExportInside = action;
        updateInsideExport();
    }

    private void exportInside() {
        if (onExportInside != null && insideArea != null && insideCover != null && insideCover.count() > 0) {
            onExportInside.accept(insideArea);
        }
    }

    private void updateInsideExport() {
        boolean shown = onExportInside != null && insideCover != null;
        insideExport.setVisible(shown);
        insideExport.setManaged(shown);
        insideExport.setDisable(insideCover == null || insideCover.count() == 0);
    }

    /**
     * The count shows at once; the list in name order (ADR 0071) and the breakdown (ADR 0057) follow
     * from further tasks.
     */
    private void showInside(InsideCover r) {
        insideCount.setText(Ui.text("map.inside.count", r.count()));
        insideBreakdown.setText(Ui.text("map.inside.breakdownRunning"));
        insideCover = r;
        insideOrder = null;
        insidePages = 0;
        insideList.getItems().clear();
        insideList.setPlaceholder(new Label(Ui.text(r.count() == 0 ? "map.inside.none" : "map.inside.sorting")));
        updateInsideMore();
        updateInsideExport();
        reveal(insideCount);
        tasks.run(Ui.text("map.inside.sorting"), p -> {
            NameOrder order = inside.nameOrder(r);
            return new OrderedPage(order, inside.page(order, 0));
        }, first -> {
            if (r == insideCover) {
                insideOrder = first.order();
                insidePages = 1;
                insideList.getItems().setAll(first.page());
                insideList.setPlaceholder(new Label(Ui.text("map.inside.none")));
                updateInsideMore();
            }
        }, this::fail);
        tasks.run(Ui.text("map.inside.breakdownRunning"), p -> inside.breakdown(r), b -> {
            if (r == insideCover) {
                showBreakdown(b);
            }
        }, this::fail);
    }

    private void showBreakdown(InsideBreakdown b) {
        List<String> parts = new ArrayList<>();
        parts.add(Ui.text("map.inside.households", b.households(), b.withoutHousehold()));
        parts.add(b.vulnerable() == 0 ? Ui.text("map.inside.vulnerableNone") : Ui.text("map.inside.vulnerable", b.vulnerable()));
        for (Map.Entry<String, Integer> e : b.byVulnerability().entrySet()) {
            parts.add("  \u2022 " + Ui.text("registry.vulnerability." + e.getKey()) + ": " + e.getValue());
        }
        insideBreakdown.setText(String.join("\n", parts));
    }

    /** The list in name order and its first page. */
    private record OrderedPage(NameOrder order, List<LocatedPerson> page) {
    }

    /** Names are read a page at a time, in name order across pages: the next page is appended to the list. */
    private void showMoreInside() {
        InsideCover r = insideCover;
        NameOrder order = insideOrder;
        if (r == null || order == null || insideList.getItems().size() >= order.size()) {
            return;
        }
        int index = insidePages;
        insideMore.setDisable(true);
        tasks.run(Ui.text("map.inside.running"), p -> inside.page(order, index), page -> {
            if (r == insideCover && order == insideOrder) {
                insideList.getItems().addAll(page);
                insidePages = index + 1;
            }
            updateInsideMore();
        }, e -> {
            updateInsideMore();
            fail(e);
        });
    }

    private void updateInsideMore() {
        InsideCover r = insideCover;
        boolean more = r != null && insideOrder != null && insideList.getItems().size() < insideOrder.size();
        insideMore.setVisible(more);
        insideMore.setManaged(more);
        insideMore.setDisable(false);
        if (r != null) {
            insideMore.setText(Ui.text("map.inside.more", insideList.getItems().size(), r.count()));
        }
    }

    /** Scrolls the side panel so that a node shows (results appear below the fold). */
    private void reveal(Node node) {
        if (panelScroll == null || panelScroll.getContent() == null) {
            return;
        }
        Node content = panelScroll.getContent();
        double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
        double range = content.getBoundsInLocal().getHeight() - panelScroll.getViewportBounds().getHeight();
        if (range > 0) {
            panelScroll.setVvalue(Math.min(1, Math.max(0, (y - 60) / range)));
        }
    }

    // ---------- basemap ----------

    private void importMbTiles() {
        dialogs.chooseFileToOpen(Ui.text("map.basemap.importMbtiles")).ifPresent(file ->
                tasks.run(Ui.text("map.basemap.importing"), p -> basemap.importMbTiles(file), (MbTilesInfo info) ->
                        dialogs.showInfo(Ui.text("map.basemap.importMbtiles"), Ui.text("map.basemap.imported", info.name(),
                                info.tiles(), info.minZoom(), info.maxZoom())), this::fail));
    }

    private void updateEstimate(MapOverlay.Viewport v) {
        int from = fromZoom.getValue();
        int to = toZoom.getValue();
        if (from > to) {
            estimate.setText(Ui.text("error.map.download.zoom"));
            return;
        }
        long tiles = TileMath.tileCount(v.box(), from, to);
        estimate.setText(Ui.text("map.basemap.estimate", tiles, Math.max(1, tiles * OfflineDownload.AVERAGE_TILE_BYTES / 1_000_000)));
    }

    private void downloadArea() {
        MapOverlay.Viewport v = viewport();
        int from = fromZoom.getValue();
        int to = toZoom.getValue();
        OfflineDownload d = new OfflineDownload(basemap);
        tasks.run(Ui.text("map.basemap.downloading"), p -> d.run(v.box(), from, to, p), outcome ->
                dialogs.showInfo(Ui.text("map.basemap.download"), Ui.text("map.basemap.downloaded", outcome.fetched(),
                        outcome.skipped(), outcome.failed())), this::fail);
    }

    private void fail(Throwable e) {
        dialogs.showError(Ui.text("map.title"), Ui.describe(e));
    }

    // ---------- View ----------

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return search;
    }

    @Override
    public void activate() {
        tasks.run(Ui.text("map.loading"), p -> settings.onlineTilesAllowed(), allowed -> {
            basemap.setNetworkAllowed(allowed);
            onlineStatus.setText(Ui.text(allowed ? "map.basemap.onlineAllowed" : "map.basemap.onlineNotAllowed"));
            download.setDisable(!allowed);
        }, e -> { });
        loadHotspots(selected == null ? 0 : selected.id());
        if (firstShow) {
            firstShow = false;
            centreOnRegistrants();
        } else {
            settle.playFromStart();
        }
    }

    /** Zoom the map first opens at over the post's city (as "Find a place" goes to a city): its districts fill the view. */
    static final double POST_ZOOM = 12;
    /** The world view, when there is neither a post nor a registrant with a point. */
    static final double[] WORLD = {20, 10, 2};

    /**
     * Where this post is (its city, as the posts layer places it), so the map first opens over it.
     * Called once, in the background, the first time the screen is shown; set it before that.
     */
    public void setPostPlace(Supplier<Optional<LatLon>> place) {
        this.postPlace = place;
    }

    /**
     * Opens over the post's city at city level; without a known post, on the box around every
     * registrant's point (the map's coarse cells: a handful of rows, never the registrants); without
     * either, on the world.
     */
    private void centreOnRegistrants() {
        // Before the first layout the map has no size yet: assume a usual one.
        double width = map.getWidth() > 100 ? map.getWidth() : 900;
        double height = map.getHeight() > 100 ? map.getHeight() : 650;
        Supplier<Optional<LatLon>> post = postPlace;
        tasks.run(Ui.text("map.loading"), p -> {
            Optional<LatLon> at = post.get();
            if (at.isPresent()) {
                return new double[] {at.get().lat(), at.get().lon(), POST_ZOOM};
            }
            return registrantsView(locations.clusters(-90, -180, 90, 180, 5), width, height);
        }, v -> goTo(v[0], v[1], v[2]), e -> goTo(WORLD[0], WORLD[1], WORLD[2]));
    }

    /**
     * The view (latitude, longitude, zoom) that shows every cell with registrants in a map of the size
     * given, at zoom 2 to 12; the world view when there are none.
     */
    static double[] registrantsView(List<LocationCell> cells, double width, double height) {
        if (cells.isEmpty()) {
            return WORLD.clone();
        }
        double south = 90;
        double north = -90;
        double west = 180;
        double east = -180;
        for (LocationCell c : cells) {
            south = Math.min(south, c.latitude());
            north = Math.max(north, c.latitude());
            west = Math.min(west, c.longitude());
            east = Math.max(east, c.longitude());
        }
        // Mercator pixels at zoom 0 of the box, with a margin of a tenth on each side.
        double dx = TileMath.pixelX(east, 0) - TileMath.pixelX(west, 0);
        double dy = TileMath.pixelY(south, 0) - TileMath.pixelY(north, 0);
        double fit = Math.min(Math.max(1, width) / Math.max(1e-9, dx * 1.2), Math.max(1, height) / Math.max(1e-9, dy * 1.2));
        double zoom = Math.max(2, Math.min(12, Math.floor(Math.log(fit) / Math.log(2))));
        double centreLat = TileMath.latOfPixel((TileMath.pixelY(south, 0) + TileMath.pixelY(north, 0)) / 2, 0);
        return new double[] {centreLat, (west + east) / 2, zoom};
    }

    @Override
    public void deactivate() {
        settle.stop();
        cancelDrawing();
    }

    /** For tests: what is being drawn. */
    DrawOverlay drawLayer() {
        return draw;
    }

    /** For tests: the hotspots layer. */
    HotspotsOverlay hotspotsLayer() {
        return hotspotLayer;
    }

    /** For tests: the registrants layer. */
    RegistrantsOverlay registrantsLayer() {
        return registrants;
    }

    /** For tests and keyboard users: the map control. */
    MapView mapView() {
        return map;
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
