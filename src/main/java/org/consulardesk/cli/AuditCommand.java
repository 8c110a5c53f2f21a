package org.consulardesk.cli;

import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.security.service.AuditService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", subcommands = AuditCommand.Verify.class)
final class AuditCommand extends GroupCommand {

    /** Walks the hash chain; exit 0 when intact, 1 at the first break. */
    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        Verify(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                AuditService.VerifyResult result = session.audit().verify();
                if (result.ok()) {
                    terminal.out().println(Messages.get("cli.audit.intact", result.checked()));
                    return 0;
                }
                AuditService.Break b = result.firstBreak().orElseThrow();
                terminal.err().println(Messages.get("cli.audit.broken", b.seq(), Messages.get("cli.audit.reason." + b.reason())));
                return 1;
            }
        }
    }
}
