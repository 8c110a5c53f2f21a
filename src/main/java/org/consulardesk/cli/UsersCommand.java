package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.consulardesk.core.AppPaths;
import org.consulardesk.core.Messages;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.security.service.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Staff accounts: the head of post adds, lists, disables, enables and unlocks them. */
@Command(name = "users", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {UsersCommand.Add.class, UsersCommand.List.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.Unlock.class})
final class UsersCommand extends GroupCommand {

    static UserService service(Session session) {
        return new UserService(session, AppPaths.stateDir(), KdfParams.STANDARD);
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--new-user", required = true, paramLabel = "NAME", descriptionKey = "cli.option.newUser")
        String newUser;

        @Option(names = "--display-name", required = true, paramLabel = "TEXT", descriptionKey = "cli.option.displayName")
        String displayName;

        @Option(names = "--role", required = true, paramLabel = "ROLE", converter = Converters.RoleConverter.class,
                completionCandidates = Converters.RoleNames.class, descriptionKey = "cli.option.role")
        Role role;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.newPassphraseFile")
        Path newPassphraseFile;

        Add(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                char[] initial = Passphrases.forNewUser(terminal, newPassphraseFile, newUser);
                UserAccount added;
                try {
                    added = service(session).add(newUser, displayName, role, initial);
                } finally {
                    Arrays.fill(initial, '\0');
                }
                terminal.out().println(Messages.get("cli.users.added", added.username(),
                        Messages.get(added.role().messageKey())));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class List implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        List(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                java.util.List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {Messages.get("cli.users.column.username"), Messages.get("cli.users.column.displayName"),
                        Messages.get("cli.users.column.role"), Messages.get("cli.users.column.enabled")});
                for (UserAccount u : service(session).list()) {
                    rows.add(new String[] {u.username(), u.displayName(), Messages.get(u.role().messageKey()),
                            Messages.get(u.enabled() ? "cli.yes" : "cli.no")});
                }
                Table.print(terminal.out(), rows);
            }
            return 0;
        }
    }

    /** The options of the commands that act on one other account. */
    abstract static class OnTarget implements Callable<Integer> {
        final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--target", required = true, paramLabel = "NAME", descriptionKey = "cli.option.target")
        String target;

        OnTarget(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                terminal.out().println(act(service(session)));
            }
            return 0;
        }

        /** Does the work and returns the line to print. */
        abstract String act(UserService users);
    }

    @Command(name = "disable", mixinStandardHelpOptions = true)
    static final class Disable extends OnTarget {
        Disable(Terminal terminal) {
            super(terminal);
        }

        @Override
        String act(UserService users) {
            return Messages.get("cli.users.disabled", users.disable(target).username());
        }
    }

    /** The account's old key was destroyed on disable, so enabling sets a new initial passphrase. */
    @Command(name = "enable", mixinStandardHelpOptions = true)
    static final class Enable extends OnTarget {
        @Option(names = "--new-passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.newPassphraseFile")
        Path newPassphraseFile;

        Enable(Terminal terminal) {
            super(terminal);
        }

        @Override
        String act(UserService users) {
            char[] initial = Passphrases.forNewUser(terminal, newPassphraseFile, target);
            try {
                return Messages.get("cli.users.enabled", users.enable(target, initial).username());
            } finally {
                Arrays.fill(initial, '\0');
            }
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true)
    static final class Unlock extends OnTarget {
        Unlock(Terminal terminal) {
            super(terminal);
        }

        @Override
        String act(UserService users) {
            users.resetLockout(target);
            return Messages.get("cli.users.unlocked", Vault.normaliseUsername(target));
        }
    }

}
