package org.consulardesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key used in the code exists, and every bundle has the same keys as the English one. */
class MessagesTest {
    /** A string literal that looks like a key of one of the bundle's namespaces. */
    private static final Pattern KEY = Pattern.compile("\"((?:[a-z]+)(?:\\.[A-Za-z0-9_]+)+\\.?)\"");
    /** Outside screens and the command line, keys are only those given to UserError or Messages.get. */
    private static final Pattern ERROR_KEY = Pattern.compile(
            "(?:UserError|Messages\\.get)\\((?:\\s*\\w+\\s*,)?\\s*\"((?:[a-z]+)(?:\\.[A-Za-z0-9_]+)+\\.?)\"");

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> namespaces = new TreeSet<>();
        english.stringPropertyNames().stream().filter(k -> k.contains(".")).forEach(k -> namespaces.add(k.substring(0, k.indexOf('.'))));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String path = file.toString().replace('\\', '/');
                boolean screenOrCli = path.contains("/ui/") || path.contains("/app/") || path.contains("/cli/");
                Matcher m = (screenOrCli ? KEY : ERROR_KEY).matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    String namespace = key.substring(0, key.indexOf('.'));
                    if (!namespaces.contains(namespace) || key.startsWith("org.") || key.startsWith("consulardesk.")) {
                        continue;
                    }
                    boolean found = key.endsWith(".")
                            ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : english.containsKey(key);
                    if (!found) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but missing from messages.properties").isEmpty();
    }

    @Test
    void enumBackedKeysExist() throws IOException {
        Properties english = load("messages.properties");
        for (var role : org.consulardesk.security.model.Role.values()) {
            assertThat(english).containsKey(role.messageKey());
        }
        for (var permission : org.consulardesk.security.model.Permission.values()) {
            assertThat(english).containsKey("permission." + permission.name());
        }
    }

    @Test
    void everyTranslationHasTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/org/consulardesk"))) {
            for (Path bundle : files.filter(f -> f.getFileName().toString().matches("messages_.+\\.properties")).toList()) {
                Properties other = load(bundle.getFileName().toString());
                assertThat(other.stringPropertyNames()).as(bundle.toString())
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            }
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        List<String> keys = Files.readAllLines(Path.of("src/main/resources/org/consulardesk/messages.properties")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip()).toList();
        assertThat(keys).as("a later definition silently wins").doesNotHaveDuplicates();
    }

    @Test
    void apostrophesAreEscapedForMessageFormat() throws IOException {
        Properties english = load("messages.properties");
        List<String> bad = english.stringPropertyNames().stream()
                .filter(k -> english.getProperty(k).replace("''", "").contains("'")).toList();
        assertThat(bad).as("single apostrophes vanish in MessageFormat; write ''").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/consulardesk/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
