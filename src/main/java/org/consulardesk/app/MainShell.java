package org.consulardesk.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.consulardesk.bonds.service.BondAlertsService;
import org.consulardesk.bonds.service.BondReports;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.EmployerService;
import org.consulardesk.bonds.ui.BondAlertsView;
import org.consulardesk.bonds.ui.BondsView;
import org.consulardesk.bonds.ui.ClaimsView;
import org.consulardesk.bonds.ui.EmployersView;
import org.consulardesk.core.Connectivity;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.etd.service.StockService;
import org.consulardesk.etd.ui.EtdView;
import org.consulardesk.geo.service.Gazetteer;
import org.consulardesk.registry.service.ExpiringDocumentsService;
import org.consulardesk.registry.service.HouseholdService;
import org.consulardesk.registry.service.IntakeService;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.exchange.service.ConsolidationService;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.ImportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.ui.ExportView;
import org.consulardesk.exchange.ui.HqExchangeView;
import org.consulardesk.registry.ui.ExpiringDocumentsView;
import org.consulardesk.registry.ui.HouseholdView;
import org.consulardesk.registry.ui.IntakeView;
import org.consulardesk.registry.ui.IntakeViewModel;
import org.consulardesk.registry.ui.PersonFormView;
import org.consulardesk.registry.ui.PersonFormViewModel;
import org.consulardesk.registry.ui.RegistryView;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.security.ui.AccountView;
import org.consulardesk.security.ui.AuditView;
import org.consulardesk.security.ui.AuditViewModel;
import org.consulardesk.security.ui.LockView;
import org.consulardesk.security.ui.UsersView;
import org.consulardesk.security.ui.UsersViewModel;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.store.service.SettingsService;
import org.consulardesk.store.ui.BackupView;
import org.consulardesk.store.ui.SettingsView;
import org.controlsfx.control.StatusBar;

/**
 * The main window once signed in: top bar (post, user, connectivity, lock), navigation to each
 * feature the user's role may use, the current screen, and a status bar for background work.
 */
final class MainShell implements View {
    private record Entry(String key, Permission permission, Supplier<View> factory) {
    }

    private final Session session;
    private final AppServices services;
    private final Runnable onSignOut;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final List<ToggleButton> navButtons = new ArrayList<>();
    private final Label userLabel = new Label();
    private final Label connectivity = new Label();
    private final Timeline connectivityPoll;
    private View current;
    /** The navigation entry shown, or under the person form while that is open. */
    private String currentKey;
    private PersonFormView personForm;
    private LockView lockView;
    private AutoLock autoLock;

    MainShell(Session session, AppServices services, Runnable onSignOut) {
        this.session = session;
        this.services = services;
        this.onSignOut = onSignOut;
        frame.setTop(topBar());
        frame.setBottom(statusBar());
        content.setId("shell-content");
        frame.setCenter(content);
        buildNavigation();
        root.getChildren().add(frame);
        if (session.descriptor().kind() == RegistryKind.TRAINING) {
            root.getStyleClass().add(Styles.TRAINING_FRAME);
        }
        connectivityPoll = new Timeline(new KeyFrame(Duration.seconds(30), e -> checkConnectivity()));
        connectivityPoll.setCycleCount(Timeline.INDEFINITE);
    }

    private Node topBar() {
        Label app = Ui.styled(Styles.SUBTITLE, "app.name");
        Label post = new Label(session.descriptor().postName());
        post.setId("shell-post");
        HBox bar = new HBox(16, app, post);
        if (session.descriptor().kind() == RegistryKind.TRAINING) {
            Label badge = Ui.badge(Styles.TRAINING_BADGE, "app.training");
            badge.setId("shell-training");
            bar.getChildren().add(badge);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        connectivity.setId("shell-connectivity");
        userLabel.setId("shell-user");
        updateUserLabel();
        Button lock = Ui.button("shell.lock", e -> lock());
        lock.setId("shell-lock");
        Button signOut = Ui.button("shell.signOut", e -> {
            if (current == null || current.mayLeave()) {
                onSignOut.run();
            }
        });
        signOut.setId("shell-signout");
        bar.getChildren().addAll(spacer, connectivity, userLabel, lock, signOut);
        bar.getStyleClass().add(Styles.TOP_BAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void updateUserLabel() {
        UserAccount user = session.user();
        userLabel.setText(Ui.text("shell.user", user.displayName(), Ui.text(user.role().messageKey())));
    }

    private Node statusBar() {
        StatusBar status = new StatusBar();
        status.setId("shell-status");
        status.setText(Ui.text("status.ready"));
        if (services.tasks() instanceof FxBackgroundTasks fx) {
            Button cancel = Ui.button("status.cancel", e -> fx.running().forEach(Task::cancel));
            cancel.setId("status-cancel");
            cancel.visibleProperty().bind(Bindings.isNotEmpty(fx.running()));
            status.getRightItems().add(cancel);
            fx.running().addListener((ListChangeListener<Task<?>>) change -> {
                status.progressProperty().unbind();
                status.textProperty().unbind();
                if (fx.running().isEmpty()) {
                    status.setText(Ui.text("status.ready"));
                    status.setProgress(0);
                } else {
                    Task<?> task = fx.running().get(fx.running().size() - 1);
                    // The title is set once the task starts on its worker thread.
                    status.textProperty().bind(Bindings.when(task.titleProperty().isEmpty())
                            .then(Ui.text("status.working")).otherwise(task.titleProperty()));
                    status.progressProperty().bind(task.progressProperty());
                }
            });
        }
        return status;
    }

    private void buildNavigation() {
        UserService users = new UserService(session, services.config().stateDir(), services.config().kdfParams());
        List<Entry> entries = List.of(
                new Entry("nav.home", null, () -> new HomeView(session, services.tasks())),
                new Entry("nav.registry", Permission.VIEW_REGISTRY,
                        () -> {
                            RegistryView list = new RegistryView(new PersonService(session), services.tasks());
                            list.setOnOpen(this::openPerson);
                            return list;
                        }),
                new Entry("nav.import", Permission.EDIT_REGISTRY, () -> new IntakeView(
                        new IntakeViewModel(new IntakeService(session), services.tasks()), services.dialogs())),
                new Entry("nav.households", Permission.VIEW_REGISTRY, () -> households()),
                new Entry("nav.expiring", Permission.VIEW_REGISTRY, () -> expiringDocuments()),
                new Entry("nav.duplicates", Permission.EDIT_REGISTRY, () -> new org.consulardesk.registry.ui.DuplicatesView(new org.consulardesk.registry.service.DuplicateService(session), new org.consulardesk.registry.service.MergeService(session), new RegistrationService(session), services.tasks(), services.dialogs(), session.can(Permission.UNDO_MERGE))),
                new Entry("nav.map", Permission.VIEW_REGISTRY, () -> crisisMap()),
                new Entry("nav.etd", Permission.ISSUE_ETD, () -> etd()),
                new Entry("nav.exchangeExport", Permission.EXPORT_AGGREGATE, () -> new ExportView(new ExportService(session), new PostKeyService(session), services.tasks(), services.dialogs())),
                new Entry("nav.exchangeHq", Permission.IMPORT_EXCHANGE, () -> new HqExchangeView(new ImportService(session), new ConsolidationService(session), new PostKeyService(session), new ExportService(session), session.can(Permission.MANAGE_POST_KEYS), session.descriptor().kind() != RegistryKind.POST, services.tasks(), services.dialogs())),
                new Entry("nav.postKeys", Permission.EXPORT_AGGREGATE, () -> new org.consulardesk.exchange.ui.PostKeysView(new PostKeyService(session), session.can(Permission.MANAGE_POST_KEYS), session.descriptor().kind() != RegistryKind.POST && (session.can(Permission.IMPORT_EXCHANGE) || session.can(Permission.MANAGE_POST_KEYS)), services.tasks(), services.dialogs())),
                new Entry("nav.bonds", Permission.MANAGE_BONDS, () -> BondsView.of(session, services.tasks(), services.dialogs()).setOnOpenPerson(this::openPerson)),
                new Entry("nav.claims", Permission.MANAGE_BONDS, () -> ClaimsView.of(session, services.tasks(), services.dialogs()).setOnOpenPerson(this::openPerson)),
                new Entry("nav.employers", Permission.MANAGE_BONDS, () -> EmployersView.of(session, services.tasks(), services.dialogs())),
                new Entry("nav.bondAlerts", Permission.MANAGE_BONDS, () -> new BondAlertsView(new BondAlertsService(session), new BondService(session), services.tasks())),
                new Entry("nav.evacuationCosts", Permission.MANAGE_BONDS, () -> org.consulardesk.bonds.ui.EvacuationCostsView.of(session, services.tasks(), services.dialogs())),
                new Entry("nav.users", Permission.MANAGE_USERS,
                        () -> new UsersView(new UsersViewModel(users, services.tasks()), services.dialogs())),
                new Entry("nav.audit", Permission.VIEW_AUDIT,
                        () -> new AuditView(new AuditViewModel(session.audit(), services.tasks()))),
                new Entry("nav.backup", Permission.BACKUP, () -> new BackupView(session, services.tasks(), services.dialogs())),
                new Entry("nav.settings", Permission.CHANGE_SETTINGS,
                        () -> new SettingsView(new SettingsService(session), services.tasks(), s -> {
                            if (autoLock != null) {
                                autoLock.setTimeout(Duration.minutes(s.autoLockMinutes()));
                            }
                        }, List.of(new org.consulardesk.map.ui.MapSettingsSection(
                                new org.consulardesk.map.service.MapSettingsService(session), services.tasks())))),
                new Entry("nav.account", null, () -> new AccountView(session, users, services.tasks(), this::updateUserLabel)));
        VBox nav = new VBox();
        nav.getStyleClass().add(Styles.NAV);
        nav.setId("shell-nav");
        String group = null;
        for (Entry entry : entries) {
            if (entry.permission() != null && !session.can(entry.permission())
                    || !NavigationScope.shows(session.descriptor().kind(), entry.key())) {
                continue;
            }
            String entryGroup = NAV_GROUPS.getOrDefault(entry.key(), group);
            if (entryGroup != null && !entryGroup.equals(group)) {
                Label heading = new Label(Ui.text(entryGroup));
                heading.getStyleClass().add("cd-nav-group");
                heading.setId(Ui.idFor(entryGroup));
                nav.getChildren().add(heading);
            }
            group = entryGroup;
            ToggleButton button = new ToggleButton(Ui.text(entry.key()));
            button.setId(Ui.idFor(entry.key()));
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setToggleGroup(navGroup);
            int number = navButtons.size() + 1;
            button.setAccessibleText(Ui.text(entry.key()));
            button.setAccessibleHelp(Ui.text("nav.shortcut", number));
            button.setOnAction(e -> {
                button.setSelected(true);
                show(entry.key(), entry.factory());
            });
            navButtons.add(button);
            nav.getChildren().add(button);
        }
        if (session.can(Permission.EDIT_REGISTRY) && NavigationScope.registers(session.descriptor().kind())) {
            Button newPerson = Ui.button("shell.newPerson", e -> newPerson());
            newPerson.setId("shell-new-person");
            newPerson.setAccessibleHelp(Ui.text("shell.newPerson.shortcut"));
            newPerson.setTooltip(new javafx.scene.control.Tooltip(Ui.text("shell.newPerson.shortcut")));
            newPerson.setMaxWidth(Double.MAX_VALUE);
            VBox.setMargin(newPerson, new javafx.geometry.Insets(16, 0, 0, 0));
            nav.getChildren().add(newPerson);
        }
        // Twenty screens do not fit a small laptop's height: the navigation scrolls rather than clips.
        ScrollPane scroll = new ScrollPane(nav);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("cd-nav-scroll");
        frame.setLeft(scroll);
    }

    /** The first screen of each group of the navigation, and the group's heading (message key). */
    private static final java.util.Map<String, String> NAV_GROUPS = java.util.Map.of(
            "nav.home", "nav.group.registry",
            "nav.map", "nav.group.crisis",
            "nav.exchangeExport", "nav.group.exchange",
            "nav.bonds", "nav.group.bonds",
            "nav.users", "nav.group.admin");

    private View households() {
        HouseholdView view = new HouseholdView(new HouseholdService(session), services.tasks());
        view.setOnOpen(this::openPerson);
        return view;
    }

    private View expiringDocuments() {
        ExpiringDocumentsView view = new ExpiringDocumentsView(new ExpiringDocumentsService(session), services.tasks(),
                services.dialogs());
        view.setOnOpen(this::openPerson);
        return view;
    }

    /** The ETD screen; its register and lost/stolen export buttons open the exchange export with that profile. */
    private View etd() {
        EtdView view = new EtdView(new EtdService(session), new StockService(session), services.tasks(), services.dialogs(),
                session.can(Permission.APPROVE_ETD), session.can(Permission.MANAGE_ETD_STOCK));
        view.setOnOpenPerson(this::openPerson);
        if (session.can(Permission.EXPORT_AGGREGATE)) {
            view.setOnExport(profile -> navButtons.stream().filter(b -> b.getId().equals(Ui.idFor("nav.exchangeExport")))
                    .findFirst().ifPresent(button -> {
                        button.fire();
                        if (views.get("nav.exchangeExport") instanceof ExportView export) {
                            export.selectProfile(profile);
                        }
                    }));
        }
        return view;
    }

    /** Shows the export screen (as its navigation entry does) and lets the caller preset it. */
    private void openExport(java.util.function.Consumer<ExportView> preset) {
        navButtons.stream().filter(b -> b.getId().equals(Ui.idFor("nav.exchangeExport"))).findFirst().ifPresent(button -> {
            button.fire();
            if (views.get("nav.exchangeExport") instanceof ExportView export) {
                preset.accept(export);
            }
        });
    }

    private View crisisMap() {
        org.consulardesk.map.ui.MapScreen screen = new org.consulardesk.map.ui.MapScreen(new org.consulardesk.registry.service.LocationService(session),
                new org.consulardesk.map.service.HotspotService(session), new org.consulardesk.map.service.InsideService(session),
                new org.consulardesk.map.service.MapSettingsService(session), Gazetteer.bundled(), services.tasks(),
                services.dialogs(), this::openPerson);
        org.consulardesk.map.service.PostsService posts = new org.consulardesk.map.service.PostsService(session, Gazetteer.bundled());
        screen.addOverlay(new org.consulardesk.map.ui.PostsOverlay(posts, services.tasks()));
        screen.setPostPlace(() -> posts.own().map(p -> new org.consulardesk.map.model.LatLon(p.latitude(), p.longitude())));
        if (session.can(Permission.EXPORT_AGGREGATE) && session.can(Permission.EXPORT_PERSONAL_DATA)) {
            // "Export people inside…": the export screen opens on the full registry export restricted to the area (ADR 0073).
            screen.setOnExportInside(area -> {
                java.util.Map<String, String> filters = org.consulardesk.exchange.service.AreaFilter.of(area);
                String description = Ui.text("exchange.area.counted", org.consulardesk.exchange.service.AreaFilter.describe(filters,
                        java.util.Optional.ofNullable(area.name())), area.counted());
                openExport(export -> export.presetArea(filters, description));
            });
        }
        return screen;
    }

    private void show(String key, Supplier<View> factory) {
        if (current != null && !current.mayLeave()) {
            selectNav(currentKey);
            return;
        }
        personForm = null;
        currentKey = key;
        display(views.computeIfAbsent(key, k -> factory.get()));
    }

    private void selectNav(String key) {
        navButtons.stream().filter(b -> b.getId().equals(key == null ? "" : Ui.idFor(key))).findFirst()
                .ifPresentOrElse(navGroup::selectToggle, () -> navGroup.selectToggle(null));
    }

    private void display(View view) {
        if (current != null) {
            current.deactivate();
        }
        current = view;
        content.getChildren().setAll(current.root());
        // A field inside a ScrollPane joins the scene only when the pane's skin is made at the next CSS
        // pass; a focus request that runs before that pulse finds no scene and is lost. Making the skins
        // now puts the view's first field in the scene before its focus is asked for.
        content.applyCss();
        current.activate();
        Node focus = current.initialFocus();
        // A long form may not be laid out at the first pulse: ask again once if the focus did not take.
        // Only while the view is still shown: a quick Ctrl+N after sign-in must not lose its field to
        // the overview's late second request.
        Platform.runLater(() -> {
            if (current != view) {
                return;
            }
            focus.requestFocus();
            if (!focus.isFocused()) {
                Platform.runLater(() -> {
                    if (current == view) {
                        focus.requestFocus();
                    }
                });
            }
        });
    }

    /** The "New registration" command (Ctrl+N): an empty person form. */
    void newPerson() {
        if (session.can(Permission.EDIT_REGISTRY) && NavigationScope.registers(session.descriptor().kind())) {
            openPerson(0);
        }
    }

    /**
     * Shows the person form for a registration ({@code 0}: a new one) in place of the current screen;
     * Back returns to that screen. This is what the registry list calls when a person is opened
     * ({@code registryView.setOnOpen(this::openPerson)}).
     */
    void openPerson(long id) {
        if (!session.can(Permission.VIEW_REGISTRY) || isLocked()) {
            return;
        }
        if (current != null && !current.mayLeave()) {
            return;
        }
        PersonFormViewModel vm = new PersonFormViewModel(new RegistrationService(session),
                new org.consulardesk.registry.service.OrganisationService(session), new HouseholdService(session),
                new PersonService(session).searching(), Gazetteer.bundled(),
                services.tasks(), session.user().username(), session.descriptor().countryCode(),
                session.can(Permission.REVEAL_SENSITIVE));
        personForm = new PersonFormView(vm, services.dialogs(), id, this::closePerson,
                current -> org.consulardesk.map.ui.MapPointPicker.pick(root,
                        current == null ? null : new double[] {current.latitude(), current.longitude()}, postCentre()));
        personForm.setOnOpenPerson(this::openPerson);
        display(personForm);
    }

    /** Where the map picker opens when the person has no point yet: the post's capital, else Nairobi. */
    private double[] postCentre() {
        return Gazetteer.bundled().suggest(session.descriptor().postName().replaceAll(".* in ", "").replaceAll("\\s*\\(.*", ""),
                session.descriptor().countryCode(), 1).stream().findFirst()
                .map(p -> new double[] {p.latitude(), p.longitude()}).orElse(new double[] {-1.2864, 36.8172});
    }

    /** Back from the person form (button or Escape), asking first when there are unsaved changes. */
    void closePerson() {
        if (personForm == null || current != personForm || !personForm.mayLeave()) {
            return;
        }
        personForm = null;
        View under = currentKey == null ? null : views.get(currentKey);
        if (under == null) {
            navButtons.get(0).fire();
        } else {
            selectNav(currentKey);
            display(under);
        }
    }

    /** The person form when it is the screen shown (tests). */
    PersonFormView personForm() {
        return current == personForm ? personForm : null;
    }

    /** Called once the shell is in the scene: shortcuts, auto-lock, first screen. */
    void attach(Scene scene, int autoLockMinutes) {
        attachShortcuts(scene);
        autoLock = new AutoLock(scene, this::lock);
        autoLock.start(Duration.minutes(autoLockMinutes));
        connectivityPoll.play();
        checkConnectivity();
        int start = session.user().mustChangePassphrase() ? navButtons.size() - 1 : 0;
        navButtons.get(start).fire();
    }

    void detach(Scene scene) {
        scene.getAccelerators().clear();
        if (autoLock != null) {
            autoLock.stop();
        }
        connectivityPoll.stop();
        if (current != null) {
            current.deactivate();
        }
    }

    boolean isLocked() {
        return lockView != null;
    }

    /** Hides everything behind the lock screen; the screens stay alive but are not shown or focusable. */
    void lock() {
        if (lockView != null) {
            return;
        }
        autoLock.pause();
        frame.setVisible(false);
        lockView = new LockView(session, services.logins(), services.tasks(), this::unlocked);
        root.getChildren().add(lockView.root());
        services.tasks().run(Ui.text("status.working"), p -> {
            session.audit().record(org.consulardesk.security.model.AuditEvent.of("LOCKED"));
            return null;
        }, done -> { }, failure -> { });
        Platform.runLater(() -> lockView.initialFocus().requestFocus());
    }

    private void unlocked(UserAccount user) {
        root.getChildren().remove(lockView.root());
        lockView = null;
        frame.setVisible(true);
        updateUserLabel();
        autoLock.resume();
        // Another user may have taken over: rebuild navigation for their role.
        views.clear();
        navButtons.clear();
        buildNavigation();
        Scene scene = root.getScene();
        scene.getAccelerators().clear();
        attachShortcuts(scene);
        navButtons.get(0).fire();
    }

    private void attachShortcuts(Scene scene) {
        for (int i = 0; i < navButtons.size() && i < 9; i++) {
            ToggleButton button = navButtons.get(i);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), button::fire);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::lock);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!isLocked()) {
                newPerson();
            }
        });
    }

    /** Quietly, off the FX thread: a status-bar entry every 30 seconds would only distract. */
    private void checkConnectivity() {
        java.util.concurrent.CompletableFuture.supplyAsync(Connectivity::networkAvailable)
                .exceptionally(e -> false)
                .thenAccept(online -> Platform.runLater(() -> {
                    connectivity.setText(Ui.text(online ? "shell.online" : "shell.offline"));
                    connectivity.setAccessibleText(connectivity.getText());
                    connectivity.getStyleClass().removeAll(Styles.STATUS_OFFLINE, Styles.STATUS_ONLINE);
                    connectivity.getStyleClass().add(online ? Styles.STATUS_ONLINE : Styles.STATUS_OFFLINE);
                }));
    }

    Session session() {
        return session;
    }

    /** Closing the window asks the screen shown first (the person form guards unsaved changes). */
    @Override
    public boolean mayLeave() {
        return current == null || current.mayLeave();
    }

    @Override
    public Node root() {
        return root;
    }
}
