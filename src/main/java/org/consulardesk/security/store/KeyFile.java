package org.consulardesk.security.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Contents of {@code keys.properties}: the registry id and the data key wrapped once per user and
 * once under the recovery key. Immutable; changes produce a new instance that the store writes
 * atomically.
 */
public record KeyFile(String registryId, byte[] holderSalt, Map<String, WrappedKey> users, WrappedKey recovery,
                      Set<String> revoked) {
    public static final int FORMAT = 1;

    /** @param revoked holder ids of disabled accounts: they have no wrapped key any more */
    public KeyFile {
        users = Map.copyOf(users);
        revoked = Set.copyOf(revoked);
    }

    public boolean isRevoked(String holderId) {
        return revoked.contains(holderId);
    }

    public Optional<WrappedKey> user(String holderId) {
        return Optional.ofNullable(users.get(holderId));
    }

    public KeyFile withUser(WrappedKey key) {
        Map<String, WrappedKey> next = new LinkedHashMap<>(users);
        next.put(key.holderId(), key);
        Set<String> stillRevoked = new TreeSet<>(revoked);
        stillRevoked.remove(key.holderId());
        return new KeyFile(registryId, holderSalt, next, recovery, stillRevoked);
    }

    /** Removes the holder's wrapped key and remembers that the account was disabled. */
    public KeyFile revoke(String holderId) {
        Map<String, WrappedKey> next = new LinkedHashMap<>(users);
        next.remove(holderId);
        Set<String> nowRevoked = new TreeSet<>(revoked);
        nowRevoked.add(holderId);
        return new KeyFile(registryId, holderSalt, next, recovery, nowRevoked);
    }
}
