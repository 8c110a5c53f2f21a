package org.consulardesk.store.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.service.BackupService;

/** Encrypted backups: make one now to a file (e.g. a USB stick) and see the rotating ones. */
public final class BackupView implements View {
    private final VBox root;
    private final ObservableList<String> rotating = FXCollections.observableArrayList();
    private final Session session;
    private final BackgroundTasks tasks;
    private final Button backupNow;

    public BackupView(Session session, BackgroundTasks tasks, DialogService dialogs) {
        this.session = session;
        this.tasks = tasks;
        Label message = new Label();
        message.setId("backup-message");
        message.setWrapText(true);
        backupNow = Ui.primary("backup.now", e -> dialogs.chooseFileToSave(Ui.text("backup.now"), suggestedName())
                .ifPresent(file -> {
                    message.getStyleClass().removeAll(Styles.ERROR, Styles.SUCCESS);
                    message.setText(Ui.text("backup.working"));
                    tasks.run(Ui.text("backup.working"), p -> {
                        BackupService.backup(session, file, p);
                        return file;
                    }, done -> {
                        message.getStyleClass().add(Styles.SUCCESS);
                        message.setText(Ui.text("backup.done", done.toString()));
                    }, failure -> {
                        message.getStyleClass().add(Styles.ERROR);
                        message.setText(Ui.describe(failure));
                    });
                }));
        ListView<String> list = new ListView<>(rotating);
        list.setId("backup-list");
        list.setAccessibleText(Ui.text("backup.rotating"));
        list.setPlaceholder(Ui.label("backup.none"));
        list.setPrefHeight(220);
        Label folder = new Label(Ui.text("backup.folder", BackupService.defaultBackupDir(session.dir()).toString()));
        folder.getStyleClass().add(Styles.MUTED);
        folder.setWrapText(true);
        root = Ui.page(Ui.styled(Styles.TITLE, "backup.title"), Ui.styled(Styles.MUTED, "backup.intro"),
                Ui.card(Ui.styled(Styles.SUBTITLE, "backup.manual"), Ui.styled(Styles.MUTED, "backup.manual.hint"),
                        new HBox(backupNow), message),
                Ui.card(Ui.styled(Styles.SUBTITLE, "backup.rotating"), folder, list,
                        Ui.styled(Styles.MUTED, "backup.restoreHint")));
    }

    private String suggestedName() {
        return "consulardesk-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + BackupService.EXTENSION;
    }

    @Override
    public void activate() {
        Path dir = BackupService.defaultBackupDir(session.dir());
        tasks.run(Ui.text("backup.listing"), p -> BackupService.list(dir),
                (List<Path> files) -> {
                    List<String> names = new java.util.ArrayList<>(files.stream().map(f -> f.getFileName().toString()).toList());
                    java.util.Collections.reverse(names);
                    rotating.setAll(names);
                },
                failure -> rotating.clear());
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return backupNow;
    }
}
