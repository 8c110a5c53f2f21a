package org.consulardesk.core;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog goes through here so tests can answer them. Texts arrive already localised. */
public interface DialogService {
    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    Optional<Path> chooseDirectory(String title, Path initial);

    Optional<Path> chooseFileToSave(String title, String suggestedName);

    Optional<Path> chooseFileToOpen(String title);
}
