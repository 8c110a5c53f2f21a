package org.consulardesk.cli;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The post's signing key (to read its fingerprint out to HQ) and, at HQ, the registered post keys. */
@Command(name = "post-key", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {PostKeyCommand.Show.class, PostKeyCommand.ListKeys.class, PostKeyCommand.Retire.class,
                PostKeyCommand.Rotate.class, PostKeyCommand.RotateOwn.class})
final class PostKeyCommand extends GroupCommand {

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        Show(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                PostKey key = new PostKeyService(session).ownKey();
                terminal.out().println(Messages.get("cli.exchange.fingerprint", key.fingerprint()));
                terminal.out().println(Base64.getEncoder().encodeToString(key.publicKey()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListKeys implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        ListKeys(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {Messages.get("cli.exchange.col.post"), Messages.get("cli.exchange.col.country"),
                        Messages.get("cli.exchange.col.fingerprint"), Messages.get("cli.exchange.col.registered"),
                        Messages.get("cli.exchange.col.status")});
                for (PostKey k : new PostKeyService(session).list()) {
                    rows.add(new String[] {k.postName() + (k.own() ? " *" : ""), k.countryCode() == null ? "" : k.countryCode(),
                            k.fingerprint(), k.registeredAt() + " " + k.registeredBy(), k.retired()
                            ? Messages.get("cli.exchange.keyRetiredAt", k.retiredAt(), "") : Messages.get("cli.exchange.keyActive")});
                }
                Table.print(terminal.out(), rows);
            }
            return Cli.OK;
        }
    }

    /** At HQ: retires a post's active key; workbooks signed by it are refused from then on. */
    @Command(name = "retire", mixinStandardHelpOptions = true)
    static final class Retire implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @picocli.CommandLine.Option(names = "--post-registry", required = true, paramLabel = "ID", descriptionKey = "cli.option.postRegistry")
        String postRegistry;

        Retire(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                PostKey old = new PostKeyService(session).retire(postRegistry);
                terminal.out().println(Messages.get("cli.exchange.retired", old.postName(), old.fingerprint()));
            }
            return Cli.OK;
        }
    }

    /** At HQ: registers a post's rotated key (base64 public key) in place of its active one. */
    @Command(name = "rotate", mixinStandardHelpOptions = true)
    static final class Rotate implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @picocli.CommandLine.Option(names = "--post-registry", required = true, paramLabel = "ID", descriptionKey = "cli.option.postRegistry")
        String postRegistry;

        @picocli.CommandLine.Option(names = "--key", required = true, paramLabel = "BASE64", descriptionKey = "cli.option.postKeyFile")
        String key;

        Rotate(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                PostKeyService keys = new PostKeyService(session);
                PostKey known = keys.history(postRegistry).stream().findFirst()
                        .orElseThrow(() -> new org.consulardesk.core.UserError("error.exchange.noActiveKey"));
                byte[] publicKey;
                try {
                    publicKey = Base64.getDecoder().decode(key.strip());
                } catch (IllegalArgumentException e) {
                    throw new org.consulardesk.core.UserError("error.exchange.badPublicKey");
                }
                PostKey rotated = keys.rotate(postRegistry, known.postName(), known.countryCode(), publicKey);
                terminal.out().println(Messages.get("cli.exchange.rotated", rotated.postName(), rotated.fingerprint()));
            }
            return Cli.OK;
        }
    }

    /** At a post: retires its own signing key and creates a new one; prints the new fingerprint and key for HQ. */
    @Command(name = "rotate-own", mixinStandardHelpOptions = true)
    static final class RotateOwn implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        RotateOwn(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                PostKey key = new PostKeyService(session).rotateOwn();
                terminal.out().println(Messages.get("cli.exchange.fingerprint", key.fingerprint()));
                terminal.out().println(Base64.getEncoder().encodeToString(key.publicKey()));
            }
            return Cli.OK;
        }
    }
}
