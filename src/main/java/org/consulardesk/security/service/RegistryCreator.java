package org.consulardesk.security.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.store.KeyFileStore;
import org.consulardesk.security.store.UserStore;
import org.consulardesk.store.Database;
import org.consulardesk.store.PostStore;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.RegistryKind;

/** Sets up a new registry folder: keys, encrypted database, post record and head-of-post account. */
public final class RegistryCreator {
    private final KdfParams kdfParams;
    private final Clock clock;

    public RegistryCreator(KdfParams kdfParams, Clock clock) {
        this.kdfParams = kdfParams;
        this.clock = clock;
    }

    public record Request(Path dir, RegistryKind kind, String postName, String countryCode, String username,
                          String displayName, char[] passphrase) {
    }

    /** The open session of the new head of post, and the recovery key to print once. */
    public record Created(Session session, RecoveryKey recoveryKey) {
    }

    /** On POSIX systems only the account running ConsularDesk may enter the registry folder. */
    static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    public Created create(Request request) {
        String username = UsernameRules.check(request.username());
        String country = request.countryCode() == null ? "" : request.countryCode().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new UserError("error.country.invalid", request.countryCode());
        }
        if (request.postName() == null || request.postName().isBlank()) {
            throw new UserError("error.post.nameRequired");
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            throw new UserError("error.user.displayNameRequired");
        }
        PassphrasePolicy.check(request.passphrase(), List.of(username, request.displayName(), request.postName()));
        RegistryFolder.requireEmptyOrAbsent(request.dir());
        try {
            Files.createDirectories(request.dir());
            ownerOnly(request.dir());
        } catch (IOException e) {
            throw new UserError(e, "error.registry.unwritable", request.dir().toString());
        }

        Vault.NewKeys keys = Vault.create(username, request.passphrase(), kdfParams);
        RegistryDescriptor descriptor = new RegistryDescriptor(keys.keyFile().registryId(), request.kind(),
                request.postName().strip(), country, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        KeyFileStore.write(request.dir(), keys.keyFile());
        RegistryFolder.writeDescriptor(request.dir(), descriptor);

        Database database = Database.open(request.dir(), keys.dataKey());
        UserStore users = new UserStore();
        UserAccount head = database.write(tx -> {
            new PostStore().insert(tx, descriptor.postName(), country, request.kind().name(), descriptor.createdAt());
            return users.insert(tx, username, request.displayName().strip(), Role.HEAD_OF_POST, false, clock.instant());
        });
        Session session = new Session(request.dir(), descriptor, database, keys.dataKey(), head, clock);
        java.util.Arrays.fill(keys.dataKey(), (byte) 0);
        session.database().write(tx -> {
            session.audit().record(tx, AuditEvent.of("REGISTRY_CREATED").withDetail(request.kind().name()));
            session.audit().record(tx, AuditEvent.on("USER_ADDED", "user", head.id(), "username", "display_name", "role"));
            return null;
        });
        return new Created(session, keys.recoveryKey());
    }
}
