package org.consulardesk.security.store;

import org.consulardesk.core.crypto.KdfParams;

/**
 * The registry's data key encrypted under one holder's key-encryption key.
 *
 * @param holderId a salted hash of the user name (or {@code recovery}); names are not stored in clear
 * @param kdf      how the key-encryption key is derived from the holder's secret
 */
public record WrappedKey(String holderId, KdfParams kdf, byte[] salt, byte[] nonce, byte[] ciphertext) {
}
