package org.consulardesk.cli;

import java.nio.file.Path;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.UpgradeListener;
import org.consulardesk.store.model.UpgradeStep;

/**
 * How a command opens a registry that an earlier version wrote (ADR 0076): without {@code --upgrade}
 * it refuses, names the pending steps and changes nothing; with it, it upgrades and prints each
 * step and each committed batch to standard error (standard output stays the command's result).
 */
final class UpgradeOption {
    private UpgradeOption() {
    }

    /** Finishes {@code pending} (closing it): refuses when steps are pending and {@code upgrade} is not set. */
    static Session finish(LoginService logins, LoginService.Pending pending, Path registry, boolean upgrade, Terminal terminal) {
        if (!pending.steps().isEmpty() && !upgrade) {
            int count = pending.steps().size();
            String names = UpgradeStep.names(pending.steps());
            pending.close();
            throw new UserError("cli.upgrade.required", registry.toString(), count, names);
        }
        return logins.finish(pending, listener(terminal));
    }

    /** Prints the upgrade's steps and batches to standard error. */
    static UpgradeListener listener(Terminal terminal) {
        return new UpgradeListener() {
            private long started;

            @Override
            public void started(java.util.List<UpgradeStep> steps) {
                started = System.nanoTime();
                say(Messages.get("cli.upgrade.starting", steps.size(), UpgradeStep.names(steps)));
            }

            @Override
            public void stepStarted(UpgradeStep step) {
                say(Messages.get("login.upgrade.step", step.number(), step.of(), step.title()));
            }

            @Override
            public void progress(UpgradeStep step, long done, long total) {
                say(Messages.get("login.upgrade.stepCounted", step.number(), step.of(), step.title(), done, total));
            }

            @Override
            public void finished(java.util.List<UpgradeStep> steps) {
                long seconds = Math.max(1, Math.round((System.nanoTime() - started) / 1e9));
                say(Messages.get("cli.upgrade.finished", steps.size(), seconds));
            }

            private void say(String line) {
                terminal.err().println(line);
                terminal.err().flush();
            }
        };
    }
}
