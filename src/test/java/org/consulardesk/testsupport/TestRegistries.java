package org.consulardesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Hashes;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryKind;

/**
 * Shared fixtures: fast Argon2 parameters, a synthetic post of Utopia and its head of post, and file
 * helpers. All names here are invented; none belongs to a real person.
 */
public final class TestRegistries {
    /** Argon2id at 1 MiB and one pass: keeps the suite fast; production uses {@link KdfParams#STANDARD}. */
    public static final KdfParams FAST = new KdfParams(1024, 1, 1);

    public static final String POST_NAME = "Embassy of Utopia in Nairobi";
    public static final String COUNTRY = "KE";
    public static final String HEAD = "h.ashvale";
    public static final String HEAD_DISPLAY = "Hesper Ashvale";
    public static final String PASSPHRASE = "amber falcon orbit velvet 1987";
    public static final String OTHER_PASSPHRASE = "copper lantern meadow quartz 2042";
    public static final String THIRD_PASSPHRASE = "tidal sorrel pylon marimba 3310";

    private TestRegistries() {
    }

    public static RegistryCreator creator() {
        return creator(Clock.systemUTC());
    }

    public static RegistryCreator creator(Clock clock) {
        return new RegistryCreator(FAST, clock);
    }

    public static RegistryCreator.Request request(Path dir) {
        return new RegistryCreator.Request(dir, RegistryKind.POST, POST_NAME, COUNTRY, HEAD, HEAD_DISPLAY,
                PASSPHRASE.toCharArray());
    }

    /** Creates a registry in {@code dir} with the head of post {@link #HEAD}; the session is open. */
    public static RegistryCreator.Created create(Path dir) {
        return creator().create(request(dir));
    }

    public static RegistryCreator.Created create(Path dir, Clock clock) {
        return creator(clock).create(request(dir));
    }

    /** Creates a registry and closes its first session, as after the setup wizard. */
    public static RegistryCreator.Created createClosed(Path dir) {
        RegistryCreator.Created created = create(dir);
        created.session().close();
        return created;
    }

    /** A login service that does not really wait after a failure. */
    public static LoginService loginService(Path stateDir) {
        return new LoginService(stateDir, Clock.systemUTC(), millis -> { });
    }

    public static LoginService loginService(Path stateDir, LongConsumer sleeper) {
        return new LoginService(stateDir, Clock.systemUTC(), sleeper);
    }

    public static Session login(Path dir, Path stateDir, String username, String passphrase) {
        return loginService(stateDir).login(dir, username, passphrase.toCharArray());
    }

    public static Session loginHead(Path dir, Path stateDir) {
        return login(dir, stateDir, HEAD, PASSPHRASE);
    }

    /** A synthetic citizen of Utopia living in Kenya. */
    public static NewPerson person(String family, String given) {
        return new NewPerson(family, given, 'F', "1984-07-12", "Nairobi", "KE", PurposeOfStay.WORKER);
    }

    /** Runs {@code action} and returns the {@link UserError} it must throw. */
    public static UserError userError(Runnable action) {
        try {
            action.run();
        } catch (UserError e) {
            return e;
        }
        throw new AssertionError("expected a UserError");
    }

    /** Relative path to SHA-256 of every regular file under {@code dir}. */
    public static Map<String, String> sha256Tree(Path dir) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files(dir)) {
            try {
                hashes.put(dir.relativize(file).toString(),
                        HexFormat.of().formatHex(Hashes.sha256().digest(Files.readAllBytes(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hashes;
    }

    /** Every regular file under {@code dir}, recursively; empty if the folder does not exist. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the entries directly in {@code dir}. */
    public static List<String> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
