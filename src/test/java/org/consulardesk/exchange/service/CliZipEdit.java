package org.consulardesk.exchange.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** {@link ZipEdit} for tests in other packages. */
public final class CliZipEdit {
    private CliZipEdit() {
    }

    public static void edit(Path zip, String entry, UnaryOperator<String> change) throws IOException {
        ZipEdit.edit(zip, entry, change);
    }
}
