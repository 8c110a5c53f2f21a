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
        subcommands = {PostKeyCommand.Show.class, PostKeyCommand.ListKeys.class})
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
                        Messages.get("cli.exchange.col.fingerprint"), Messages.get("cli.exchange.col.registered")});
                for (PostKey k : new PostKeyService(session).list()) {
                    rows.add(new String[] {k.postName() + (k.own() ? " *" : ""), k.countryCode() == null ? "" : k.countryCode(),
                            k.fingerprint(), k.registeredAt() + " " + k.registeredBy()});
                }
                Table.print(terminal.out(), rows);
            }
            return Cli.OK;
        }
    }
}
