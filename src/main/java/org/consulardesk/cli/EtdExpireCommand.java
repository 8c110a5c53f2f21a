package org.consulardesk.cli;

import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Marks every issued or collected ETD whose validity has ended as expired (audited), and prints how many. */
@Command(name = "expire", mixinStandardHelpOptions = true)
final class EtdExpireCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    LoginOptions login;

    EtdExpireCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (Session session = login.login(terminal)) {
            int n = new EtdService(session).expireOverdue();
            terminal.out().println(Messages.get("cli.etd.expired", n));
        }
        return Cli.OK;
    }
}
