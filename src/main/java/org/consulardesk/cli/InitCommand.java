package org.consulardesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.RegistryKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Creates a registry and its head-of-post account, and prints the recovery key once. */
@Command(name = "init", mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Option(names = "--registry", required = true, paramLabel = "DIR", descriptionKey = "cli.option.registryNew")
    Path registry;

    @Option(names = "--post", required = true, paramLabel = "NAME", descriptionKey = "cli.option.post")
    String post;

    @Option(names = "--country", required = true, paramLabel = "ISO2", descriptionKey = "cli.option.country")
    String country;

    @Option(names = "--user", required = true, paramLabel = "NAME", descriptionKey = "cli.option.headUser")
    String user;

    @Option(names = "--display-name", paramLabel = "TEXT", descriptionKey = "cli.option.displayNameHead")
    String displayName;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "post", converter = Converters.KindConverter.class,
            completionCandidates = Converters.KindNames.class, descriptionKey = "cli.option.kind")
    RegistryKind kind;

    @Option(names = "--passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.passphraseFileNew")
    Path passphraseFile;

    InitCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        char[] passphrase = Passphrases.forLogin(terminal, passphraseFile, user, true);
        String name = displayName == null || displayName.isBlank() ? user : displayName;
        RegistryCreator.Created created;
        try {
            created = new RegistryCreator(KdfParams.STANDARD, Clock.systemUTC()).create(
                    new RegistryCreator.Request(registry, kind, post, country, user, name, passphrase));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        try (Session session = created.session()) {
            RegistryDescriptor d = session.descriptor();
            var out = terminal.out();
            out.println(Messages.get("cli.init.created", registry.toString(), d.postName(), d.countryCode(),
                    Messages.get("cli.kind." + d.kind().name())));
            out.println(Messages.get("cli.init.head", session.user().username()));
            out.println();
            out.println(Messages.get("cli.init.recoveryHeading"));
            out.println();
            out.println("    " + created.recoveryKey().formatted());
            out.println();
            out.println(Messages.get("cli.init.recoveryWarning"));
            out.flush();
        }
        return 0;
    }
}
