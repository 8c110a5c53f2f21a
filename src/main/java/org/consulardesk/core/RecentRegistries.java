package org.consulardesk.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The registry folders this workstation opened last, newest first (paths only, no personal data). */
public final class RecentRegistries {
    private static final int MAX = 8;
    private final Path file;

    public RecentRegistries(Path stateDir) {
        this.file = stateDir.resolve("recent-registries.txt");
    }

    public List<Path> load() {
        List<Path> result = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return result;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    result.add(Path.of(line.strip()));
                }
            }
        } catch (IOException e) {
            return result;
        }
        return result;
    }

    public void remember(Path registry) {
        List<Path> paths = load();
        Path absolute = registry.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        List<String> lines = paths.stream().limit(MAX).map(Path::toString).toList();
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Losing the recent list is harmless; the folder can be opened by hand.
        }
    }
}
