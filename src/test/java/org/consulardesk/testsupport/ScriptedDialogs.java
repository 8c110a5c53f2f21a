package org.consulardesk.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.consulardesk.core.DialogService;

/** A DialogService that answers as the test scripted it and records what was asked. */
public final class ScriptedDialogs implements DialogService {
    public final AtomicInteger confirms = new AtomicInteger();
    public final List<String> errors = new ArrayList<>();
    public volatile boolean confirmAnswer = true;
    public volatile boolean errorsFail;
    public volatile Path fileToOpen;
    public volatile Function<String, Path> fileToSave = name -> null;

    @Override
    public void showError(String title, String message) {
        errors.add(message);
        if (errorsFail) {
            throw new AssertionError("unexpected error dialog: " + message);
        }
    }

    @Override
    public void showInfo(String title, String message) {
    }

    @Override
    public boolean confirm(String title, String message) {
        confirms.incrementAndGet();
        return confirmAnswer;
    }

    @Override
    public Optional<char[]> askSecret(String title, String message, String fieldLabel) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        return Optional.ofNullable(fileToSave.apply(suggestedName));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return Optional.ofNullable(fileToOpen);
    }
}
