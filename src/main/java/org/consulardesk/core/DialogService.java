package org.consulardesk.core;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog goes through here so tests can answer them. Texts arrive already localised. */
public interface DialogService {
    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /** Asks for a secret (e.g. a new initial passphrase); empty when the user cancels. */
    Optional<char[]> askSecret(String title, String message, String fieldLabel);

    Optional<Path> chooseDirectory(String title, Path initial);

    Optional<Path> chooseFileToSave(String title, String suggestedName);

    Optional<Path> chooseFileToOpen(String title);
}
