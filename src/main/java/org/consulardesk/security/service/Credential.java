package org.consulardesk.security.service;

import org.consulardesk.core.crypto.RecoveryKey;

/** What opens a registry's key: a user's passphrase, or the head of post's recovery key. */
public sealed interface Credential permits Credential.Passphrase, Credential.Recovery {

    record Passphrase(String username, char[] passphrase) implements Credential {
    }

    record Recovery(RecoveryKey key) implements Credential {
    }
}
