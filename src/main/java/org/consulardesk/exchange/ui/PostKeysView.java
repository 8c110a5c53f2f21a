package org.consulardesk.exchange.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.exchange.service.PostKeyService;

/**
 * Post signing keys (ADR 0053) on screen. Every registry: its own key's fingerprint (read out to HQ)
 * and, for entitled users, rotating it and saving the new public key to a file for HQ. At
 * headquarters (and in training): the registered posts' keys with fingerprint, status, registered
 * and retired dates; entitled users retire a key or register a post's rotated key from its file,
 * each after a confirmation that shows the fingerprint. The service checks permissions and audits.
 */
public final class PostKeysView implements View {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PostKeyService keys;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final boolean mayManage;
    private final boolean showsPosts;
    private final VBox root;
    private final Label ownFingerprint = new Label();
    private final Label ownSince = new Label();
    private final TextArea ownPublicKey = new TextArea();
    private final Button rotateOwn;
    private final Button saveOwn;
    private final ObservableList<PostKey> registered = FXCollections.observableArrayList();
    private final TableView<PostKey> table = new TableView<>(registered);
    private final Button retire;
    private final Button rotate;
    private final Label status = new Label();
    private final Label error = Ui.errorLabel("exchange-keys-error");

    /**
     * @param mayManage  the user holds MANAGE_POST_KEYS (the buttons that change keys are shown enabled)
     * @param showsPosts headquarters or training: list the posts' registered keys
     */
    public PostKeysView(PostKeyService keys, boolean mayManage, boolean showsPosts, BackgroundTasks tasks, DialogService dialogs) {
        this.keys = keys;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.mayManage = mayManage;
        this.showsPosts = showsPosts;

        ownFingerprint.setId("exchange-keys-own-fingerprint");
        ownFingerprint.getStyleClass().add(Styles.SUBTITLE);
        ownFingerprint.setWrapText(true);
        ownSince.setId("exchange-keys-own-since");
        ownSince.getStyleClass().add(Styles.MUTED);
        ownPublicKey.setId("exchange-keys-own-public");
        ownPublicKey.setAccessibleText(Ui.text("exchange.keys.ownPublic"));
        ownPublicKey.setEditable(false);
        ownPublicKey.setWrapText(true);
        ownPublicKey.setPrefRowCount(2);
        ownPublicKey.setFocusTraversable(true);
        rotateOwn = Ui.button("exchange.keys.rotateOwn", e -> rotateOwn());
        rotateOwn.setId("exchange-keys-rotate-own");
        rotateOwn.setDisable(!mayManage);
        saveOwn = Ui.button("exchange.keys.saveOwn", e -> saveOwn());
        saveOwn.setId("exchange-keys-save-own");
        HBox ownActions = new HBox(8, saveOwn, rotateOwn);
        ownActions.setAlignment(Pos.CENTER_LEFT);
        Label publicLabel = Ui.label("exchange.keys.ownPublic");
        publicLabel.setLabelFor(ownPublicKey);
        VBox own = Ui.card(Ui.styled(Styles.SUBTITLE, "exchange.keys.ownTitle"),
                Ui.styled(Styles.MUTED, mayManage ? "exchange.keys.ownIntro" : "exchange.keys.ownIntroReadOnly"),
                ownFingerprint, ownSince, publicLabel, ownPublicKey, ownActions);
        own.setSpacing(6);

        table.setId("exchange-keys-table");
        table.setAccessibleText(Ui.text("exchange.keys.registered"));
        table.setPlaceholder(Ui.label("exchange.keys.none"));
        table.getColumns().add(Ui.column("exchange.keys.col.post", k -> k.postName() + (k.own() ? " " + Ui.text("exchange.keys.thisRegistry") : ""), 220));
        table.getColumns().add(Ui.column("exchange.keys.col.country", k -> k.countryCode() == null ? "" : k.countryCode(), 60));
        table.getColumns().add(Ui.column("exchange.keys.col.fingerprint", PostKey::fingerprint, 420));
        table.getColumns().add(Ui.column("exchange.keys.col.status",
                k -> Ui.text(k.retired() ? "exchange.keys.retired" : "exchange.keys.active"), 70));
        table.getColumns().add(Ui.column("exchange.keys.col.registered", k -> when(k.registeredAt()) + ", " + k.registeredBy(), 200));
        table.getColumns().add(Ui.column("exchange.keys.col.retiredAt", k -> k.retired() ? when(k.retiredAt()) : "", 150));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        retire = Ui.button("exchange.keys.retire", e -> retireSelected());
        retire.setId("exchange-keys-retire");
        rotate = Ui.button("exchange.keys.rotate", e -> rotateSelected());
        rotate.setId("exchange-keys-rotate");
        Button refresh = Ui.button("exchange.keys.refresh", e -> load());
        refresh.setId("exchange-keys-refresh");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons(b));
        updateButtons(null);
        HBox postActions = new HBox(8, retire, rotate, refresh);
        postActions.setAlignment(Pos.CENTER_LEFT);
        status.setId("exchange-keys-status");
        status.setWrapText(true);

        root = Ui.page(Ui.styled(Styles.TITLE, "exchange.keys.title"),
                Ui.styled(Styles.MUTED, showsPosts ? "exchange.keys.introHq" : "exchange.keys.introPost"), own);
        if (showsPosts) {
            VBox posts = new VBox(8, Ui.styled(Styles.SUBTITLE, "exchange.keys.registered"),
                    Ui.styled(Styles.MUTED, mayManage ? "exchange.keys.registeredIntro" : "exchange.keys.registeredReadOnly"),
                    table, postActions);
            VBox.setVgrow(posts, Priority.ALWAYS);
            root.getChildren().add(posts);
        }
        root.getChildren().addAll(status, error);
        root.setSpacing(10);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return showsPosts ? table : (mayManage ? rotateOwn : saveOwn);
    }

    @Override
    public void activate() {
        load();
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private void updateButtons(PostKey selected) {
        boolean active = selected != null && !selected.retired();
        retire.setDisable(!mayManage || !active || selected.own());
        rotate.setDisable(!mayManage || selected == null || selected.own());
    }

    private void load() {
        error.setText("");
        tasks.run(Ui.text("exchange.keys.loading"), p -> new Loaded(keys.ownKey(), showsPosts ? keys.list() : List.of()),
                loaded -> {
                    showOwn(loaded.own());
                    PostKey selected = table.getSelectionModel().getSelectedItem();
                    registered.setAll(loaded.registered());
                    if (selected != null) {
                        registered.stream().filter(k -> k.registryId().equals(selected.registryId()) && !k.retired())
                                .findFirst().or(() -> registered.stream()
                                        .filter(k -> k.registryId().equals(selected.registryId())).findFirst())
                                .ifPresent(k -> table.getSelectionModel().select(k));
                    }
                }, failure -> error.setText(Ui.describe(failure)));
    }

    private record Loaded(PostKey own, List<PostKey> registered) {
    }

    private void showOwn(PostKey own) {
        ownFingerprint.setText(Ui.text("exchange.keys.fingerprint", own.fingerprint()));
        ownSince.setText(Ui.text("exchange.keys.since", when(own.registeredAt()), own.registeredBy()));
        ownPublicKey.setText(Base64.getEncoder().encodeToString(own.publicKey()));
    }

    private void rotateOwn() {
        if (!dialogs.confirm(Ui.text("exchange.keys.rotateOwnTitle"), Ui.text("exchange.keys.rotateOwnMessage",
                ownFingerprint.getText()))) {
            return;
        }
        tasks.run(Ui.text("exchange.keys.working"), p -> keys.rotateOwn(), key -> {
            status.setText(Ui.text("exchange.keys.rotatedOwn", key.fingerprint()));
            load();
        }, failure -> error.setText(Ui.describe(failure)));
    }

    private void saveOwn() {
        dialogs.chooseFileToSave(Ui.text("exchange.keys.saveOwnTitle"), "post-key.txt").ifPresent(file ->
                tasks.run(Ui.text("exchange.keys.working"), p -> keys.writeOwnPublicKey(file), key ->
                        status.setText(Ui.text("exchange.keys.saved", file.getFileName(), key.fingerprint())),
                        failure -> error.setText(Ui.describe(failure))));
    }

    private void retireSelected() {
        PostKey key = table.getSelectionModel().getSelectedItem();
        if (key == null || key.retired() || key.own()) {
            return;
        }
        if (!dialogs.confirm(Ui.text("exchange.keys.retireTitle"), Ui.text("exchange.keys.retireMessage", key.postName(),
                key.fingerprint()))) {
            return;
        }
        tasks.run(Ui.text("exchange.keys.working"), p -> keys.retire(key.registryId()), old -> {
            status.setText(Ui.text("exchange.keys.retiredDone", old.postName(), old.fingerprint()));
            load();
        }, failure -> error.setText(Ui.describe(failure)));
    }

    private void rotateSelected() {
        PostKey key = table.getSelectionModel().getSelectedItem();
        if (key == null || key.own()) {
            return;
        }
        dialogs.chooseFileToOpen(Ui.text("exchange.keys.rotateFileTitle", key.postName())).ifPresent(file -> readAndRotate(key, file));
    }

    private void readAndRotate(PostKey key, Path file) {
        error.setText("");
        tasks.run(Ui.text("exchange.keys.working"), p -> keys.readPublicKeyFile(file), candidate -> {
            if (!dialogs.confirm(Ui.text("exchange.keys.rotateTitle"), Ui.text("exchange.keys.rotateMessage", key.postName(),
                    candidate.fingerprint(), key.retired() ? "-" : key.fingerprint()))) {
                return;
            }
            tasks.run(Ui.text("exchange.keys.working"), p -> keys.rotate(key.registryId(), key.postName(), key.countryCode(),
                    candidate.publicKey()), rotated -> {
                        status.setText(Ui.text("exchange.keys.rotatedDone", rotated.postName(), rotated.fingerprint()));
                        load();
                    }, failure -> error.setText(Ui.describe(failure)));
        }, failure -> error.setText(Ui.describe(failure)));
    }
}
