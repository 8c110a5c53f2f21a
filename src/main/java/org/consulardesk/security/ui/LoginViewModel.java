package org.consulardesk.security.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ProgressIndicator;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.UpgradeListener;
import org.consulardesk.store.model.UpgradeStep;
import org.consulardesk.store.service.BackupService;

/**
 * Signing in to a registry folder. The key derivation and database open run in the background. A
 * registry whose schema is behind is upgraded only after the screen said so (with the newest backup
 * it can see), and the screen shows which step runs and how far it got (ADR 0068).
 */
public final class LoginViewModel {
    /** What the sign-in screen shows below the form. */
    enum Phase { SIGN_IN, CONFIRM_UPGRADE, UPGRADING, UPGRADED }

    static final Duration RECENT_BACKUP = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final StringProperty username = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.SIGN_IN);
    /** Before the upgrade: what it will do and the backup advice. */
    final StringProperty upgradeNotice = new SimpleStringProperty("");
    final StringProperty backupNotice = new SimpleStringProperty("");
    /** During and after the upgrade: the step and how far it got, then that it finished. */
    final StringProperty upgradeStatus = new SimpleStringProperty("");
    final DoubleProperty upgradeProgress = new SimpleDoubleProperty(ProgressIndicator.INDETERMINATE_PROGRESS);
    final Path dir;
    final RegistryDescriptor descriptor;

    private final LoginService logins;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private LoginService.Pending pending;
    private Session upgraded;

    public LoginViewModel(Path dir, RegistryDescriptor descriptor, LoginService logins, BackgroundTasks tasks) {
        this(dir, descriptor, logins, tasks, Clock.systemUTC());
    }

    LoginViewModel(Path dir, RegistryDescriptor descriptor, LoginService logins, BackgroundTasks tasks, Clock clock) {
        this.dir = dir;
        this.descriptor = descriptor;
        this.logins = logins;
        this.tasks = tasks;
        this.clock = clock;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** The passphrase check and, for a current registry, the whole sign-in; a registry that is behind stops to ask. */
    void signIn(char[] passphrase, Consumer<Session> onSession) {
        error.set("");
        if (username.get().isBlank()) {
            error.set(Ui.text("login.usernameRequired"));
            return;
        }
        busy.set(true);
        String user = username.get();
        tasks.run(Ui.text("login.working"), progress -> {
            try {
                LoginService.Pending opened = logins.begin(dir, user, passphrase);
                if (!opened.steps().isEmpty()) {
                    return new Opened(opened, null, BackupService.newestRotating(dir));
                }
                return new Opened(null, logins.finish(opened, UpgradeListener.NONE), Optional.empty());
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, opened -> {
            busy.set(false);
            if (opened.session() != null) {
                onSession.accept(opened.session());
            } else {
                askToUpgrade(opened.pending(), opened.newestBackup());
            }
        }, failure -> {
            busy.set(false);
            error.set(Ui.describe(failure));
        });
    }

    private record Opened(LoginService.Pending pending, Session session, Optional<Instant> newestBackup) {
    }

    /**
     * A sign-in begun elsewhere (the recovery key, the training registry) found the registry behind:
     * this screen asks about the upgrade as for a passphrase sign-in, and owns {@code opened} from
     * now on (ADR 0076).
     */
    public void askToUpgrade(LoginService.Pending opened) {
        username.set(opened.username());
        busy.set(true);
        tasks.run(Ui.text("login.working"), progress -> BackupService.newestRotating(dir), newest -> {
            busy.set(false);
            askToUpgrade(opened, newest);
        }, failure -> {
            busy.set(false);
            askToUpgrade(opened, Optional.empty());
        });
    }

    private void askToUpgrade(LoginService.Pending opened, Optional<Instant> newestBackup) {
        pending = opened;
        upgradeNotice.set(Ui.text("login.upgrade.notice", opened.steps().size(),
                String.join(", ", opened.steps().stream().map(LoginViewModel::stepName).distinct().toList())));
        Path backups = BackupService.defaultBackupDir(dir);
        if (newestBackup.isEmpty()) {
            backupNotice.set(Ui.text("login.upgrade.noBackup", backups.toString()));
        } else {
            Duration age = Duration.between(newestBackup.get(), clock.instant());
            String when = WHEN.format(newestBackup.get());
            backupNotice.set(age.compareTo(RECENT_BACKUP) > 0
                    ? Ui.text("login.upgrade.oldBackup", when, age.toDays(), backups.toString())
                    : Ui.text("login.upgrade.recentBackup", when));
        }
        phase.set(Phase.CONFIRM_UPGRADE);
    }

    /** Gives up the upgrade: the registry stays as it was, the data key is wiped. */
    void cancelUpgrade() {
        LoginService.Pending giving = pending;
        pending = null;
        phase.set(Phase.SIGN_IN);
        if (giving != null) {
            tasks.run(Ui.text("login.working"), p -> {
                giving.close();
                return null;
            }, done -> { }, failure -> { });
        }
    }

    /** Runs the upgrade in the background; the screen follows it through {@link #upgradeStatus}. */
    void upgrade() {
        LoginService.Pending upgrading = pending;
        if (upgrading == null) {
            return;
        }
        pending = null;
        phase.set(Phase.UPGRADING);
        busy.set(true);
        error.set("");
        upgradeStatus.set(Ui.text("login.upgrade.starting"));
        upgradeProgress.set(ProgressIndicator.INDETERMINATE_PROGRESS);
        long started = System.nanoTime();
        tasks.run(Ui.text("login.upgrade.title"), progress -> logins.finish(upgrading, new UpgradeListener() {
            @Override
            public void stepStarted(UpgradeStep step) {
                Platform.runLater(() -> showStep(step, -1, -1));
            }

            @Override
            public void progress(UpgradeStep step, long done, long total) {
                Platform.runLater(() -> showStep(step, done, total));
            }
        }), session -> {
            busy.set(false);
            upgraded = session;
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            upgradeStatus.set(Ui.text("login.upgrade.finished", upgrading.steps().size(), duration(took)));
            upgradeProgress.set(1);
            phase.set(Phase.UPGRADED);
        }, failure -> {
            busy.set(false);
            phase.set(Phase.SIGN_IN);
            error.set(Ui.describe(failure));
        });
    }

    /** After the upgrade finished: opens the main window. */
    void continueAfterUpgrade(Consumer<Session> onSession) {
        Session session = upgraded;
        upgraded = null;
        if (session != null) {
            onSession.accept(session);
        }
    }

    private void showStep(UpgradeStep step, long done, long total) {
        if (phase.get() != Phase.UPGRADING) {
            return;
        }
        String name = stepName(step);
        if (done < 0 || total <= 0) {
            upgradeStatus.set(Ui.text("login.upgrade.step", step.number(), step.of(), name));
            upgradeProgress.set(step.counted() ? 0 : ProgressIndicator.INDETERMINATE_PROGRESS);
        } else {
            upgradeStatus.set(Ui.text("login.upgrade.stepCounted", step.number(), step.of(), name, done, total));
            upgradeProgress.set((double) done / total);
        }
    }

    /** The step's name from the bundle ({@code login.upgrade.name.<version>}), else the migration's own description. */
    static String stepName(UpgradeStep step) {
        return step.title();
    }

    static String duration(Duration d) {
        long seconds = Math.max(1, Math.round(d.toMillis() / 1000.0));
        return seconds < 60 ? Ui.text("login.upgrade.seconds", seconds)
                : Ui.text("login.upgrade.minutes", seconds / 60, seconds % 60);
    }
}
