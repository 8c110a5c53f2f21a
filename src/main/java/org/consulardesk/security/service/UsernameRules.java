package org.consulardesk.security.service;

import org.consulardesk.core.UserError;

/** User names are short lower-case handles (e.g. {@code a.okafor}), the same on every workstation. */
public final class UsernameRules {
    private UsernameRules() {
    }

    public static String check(String username) {
        String normalised = username == null ? "" : Vault.normaliseUsername(username);
        if (!normalised.matches("[a-z][a-z0-9._-]{1,31}")) {
            throw new UserError("error.username.invalid");
        }
        return normalised;
    }
}
