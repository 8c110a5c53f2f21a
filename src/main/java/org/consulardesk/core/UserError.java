package org.consulardesk.core;

/**
 * An error the user can act on: wrong passphrase, locked account, missing permission, bad input.
 * The message comes from the bundle and never carries personal data (it may reach a log).
 */
public class UserError extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public UserError(String key, Object... args) {
        super(Messages.get(key, args));
        this.key = key;
        this.args = args.clone();
    }

    public UserError(Throwable cause, String key, Object... args) {
        super(Messages.get(key, args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
