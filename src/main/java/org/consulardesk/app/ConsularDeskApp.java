package org.consulardesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.RecentRegistries;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.exercise.service.TrainingRegistry;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.ui.CreateRegistryView;
import org.consulardesk.security.ui.CreateRegistryViewModel;
import org.consulardesk.security.ui.LoginView;
import org.consulardesk.security.ui.LoginViewModel;
import org.consulardesk.security.ui.RecoverView;
import org.consulardesk.security.ui.RecoveryKeyView;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.service.BackupService;
import org.consulardesk.store.service.RegistrySettings;
import org.consulardesk.store.service.SettingsService;
import org.consulardesk.store.ui.RestoreView;

/** The desktop application: moves between welcome, create, login and the main shell. */
public class ConsularDeskApp extends Application {
    private static final int TRAINING_PEOPLE = 400;

    private final AppConfig config;
    private final StackPane root = new StackPane();
    private Stage stage;
    private Scene scene;
    private AppServices services;
    private FxBackgroundTasks tasks;
    private RecentRegistries recent;
    private MainShell shell;
    private final java.util.function.Function<Stage, DialogService> dialogFactory;

    public ConsularDeskApp() {
        this(AppConfig.defaults());
    }

    public ConsularDeskApp(AppConfig config) {
        this(config, FxDialogService::new);
    }

    /** Tests answer the dialogs themselves. */
    ConsularDeskApp(AppConfig config, java.util.function.Function<Stage, DialogService> dialogs) {
        this.config = config;
        this.dialogFactory = dialogs;
    }

    static void launchApp(String[] args) {
        Application.launch(ConsularDeskApp.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        tasks = new FxBackgroundTasks();
        DialogService dialogs = dialogFactory.apply(stage);
        services = new AppServices(config, tasks, dialogs, new LoginService(config.stateDir(), Clock.systemUTC()));
        recent = new RecentRegistries(config.stateDir());
        scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setTitle(Ui.text("app.name"));
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (shell != null) {
                e.consume();
                if (shell.mayLeave()) {
                    closeSession(Platform::exit);
                }
            }
        });
        showWelcome();
        stage.show();
        if (Boolean.getBoolean(StartupProbe.PROPERTY)) {
            StartupProbe.afterShow();
        }
    }

    @Override
    public void stop() {
        if (shell != null) {
            // Its auto-lock timer and connectivity poll would otherwise fire after the workers are gone.
            shell.detach(scene);
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }

    private void show(View view) {
        root.getChildren().setAll(view.root());
        // Skins made now, so a first field inside a ScrollPane is in the scene when its focus is asked for.
        root.applyCss();
        view.activate();
        Platform.runLater(() -> view.initialFocus().requestFocus());
    }

    void showWelcome() {
        stage.setTitle(Ui.text("app.name"));
        WelcomeView[] holder = new WelcomeView[1];
        WelcomeView welcome = new WelcomeView(this::showCreate, () -> services.dialogs()
                .chooseDirectory(Ui.text("welcome.open"), config.dataDir())
                .ifPresent(dir -> openFolder(dir, holder[0])), () -> openTraining(holder[0]), this::showRestore,
                dir -> openFolder(dir, holder[0]));
        holder[0] = welcome;
        show(welcome);
        tasks.run(Ui.text("welcome.loadingRecent"), p -> recent.load().stream().filter(RegistryFolder::isRegistry).toList(),
                welcome::setRecent, failure -> welcome.setRecent(List.of()));
    }

    private void openFolder(Path dir, WelcomeView welcome) {
        welcome.showBusy(Ui.text("welcome.opening"));
        tasks.run(Ui.text("welcome.opening"), p -> RegistryFolder.readDescriptor(dir),
                descriptor -> showLogin(dir, descriptor, ""), failure -> welcome.showError(Ui.describe(failure)));
    }

    private void openTraining(WelcomeView welcome) {
        Path dir = config.trainingRegistryDir();
        welcome.showBusy(Ui.text("welcome.training.working"));
        tasks.run(Ui.text("welcome.training.working"), p -> {
            if (RegistryFolder.isRegistry(dir)) {
                return services.logins().login(dir, TrainingRegistry.TRAINER, TrainingRegistry.PASSPHRASE.toCharArray());
            }
            return TrainingRegistry.create(dir, TRAINING_PEOPLE, 20261125L, config.kdfParams(), config.stateDir(),
                    Clock.systemUTC());
        }, this::showShell, failure -> welcome.showError(Ui.describe(failure)));
    }

    void showRestore() {
        show(new RestoreView(tasks, services.dialogs(), config.dataDir().resolve("registries"), this::showWelcome,
                (dir, descriptor) -> {
                    tasks.run(Ui.text("welcome.opening"), p -> {
                        recent.remember(dir);
                        return dir;
                    }, done -> showLogin(dir, descriptor, ""), failure -> showLogin(dir, descriptor, ""));
                }));
    }

    void showCreate() {
        RegistryCreator creator = new RegistryCreator(config.kdfParams(), Clock.systemUTC());
        CreateRegistryViewModel vm = new CreateRegistryViewModel(creator, tasks, config.defaultRegistryDir("post"));
        show(new CreateRegistryView(vm, services.dialogs(), this::showWelcome, created -> show(new RecoveryKeyView(
                created.recoveryKey(), created.session().descriptor().postName(), () -> showShell(created.session())))));
    }

    void showLogin(Path dir, RegistryDescriptor descriptor, String username) {
        stage.setTitle(Ui.text("app.windowTitle", descriptor.postName()));
        LoginViewModel vm = new LoginViewModel(dir, descriptor, services.logins(), tasks);
        vm.usernameProperty().set(username);
        show(new LoginView(vm, this::showWelcome, () -> showRecover(dir, descriptor), this::showShell));
    }

    private void showRecover(Path dir, RegistryDescriptor descriptor) {
        show(new RecoverView(dir, services.logins(), config.kdfParams(), tasks, () -> showLogin(dir, descriptor, ""),
                this::showShell));
    }

    void showShell(Session session) {
        tasks.run(Ui.text("shell.opening"), p -> {
            recent.remember(session.dir());
            return new SettingsService(session).load();
        }, settings -> {
            String title = Ui.text("app.windowTitle", session.descriptor().postName());
            stage.setTitle(session.descriptor().kind() == org.consulardesk.store.model.RegistryKind.TRAINING
                    ? Ui.text("app.training") + " · " + title : title);
            shell = new MainShell(session, services, () -> closeSession(this::showWelcome));
            root.getChildren().setAll(shell.root());
            shell.attach(scene, settings.autoLockMinutes());
        }, failure -> services.dialogs().showError(Ui.text("error.title"), Ui.describe(failure)));
    }

    /** Signs out: writes the rotating backup if the registry wants one, closes the database, then continues. */
    private void closeSession(Runnable then) {
        MainShell closing = shell;
        shell = null;
        closing.detach(scene);
        root.getChildren().setAll(new StackPane(Ui.styled(Styles.SUBTITLE, "shell.closing")));
        Session session = closing.session();
        tasks.run(Ui.text("shell.closing"), p -> {
            try {
                RegistrySettings settings = new SettingsService(session).load();
                if (settings.backupOnClose()) {
                    Path dir = BackupService.defaultBackupDir(session.dir());
                    Files.createDirectories(dir);
                    BackupService.rotate(session, dir, settings.backupsToKeep());
                }
            } finally {
                session.audit().record(org.consulardesk.security.model.AuditEvent.of("LOGOUT"));
                session.close();
            }
            return null;
        }, done -> then.run(), failure -> {
            services.dialogs().showError(Ui.text("error.title"), Ui.describe(failure));
            then.run();
        });
    }

    /** The shell currently shown, for tests. */
    MainShell shell() {
        return shell;
    }
}
