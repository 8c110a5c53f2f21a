package org.consulardesk.security.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Contents of {@code keys.properties}: the registry id and the data key wrapped once per user and
 * once under the recovery key. Immutable; changes produce a new instance that the store writes
 * atomically.
 */
public record KeyFile(String registryId, byte[] holderSalt, Map<String, WrappedKey> users, WrappedKey recovery) {
    public static final int FORMAT = 1;

    public KeyFile {
        users = Map.copyOf(users);
    }

    public Optional<WrappedKey> user(String holderId) {
        return Optional.ofNullable(users.get(holderId));
    }

    public KeyFile withUser(WrappedKey key) {
        Map<String, WrappedKey> next = new LinkedHashMap<>(users);
        next.put(key.holderId(), key);
        return new KeyFile(registryId, holderSalt, next, recovery);
    }

    public KeyFile withoutUser(String holderId) {
        Map<String, WrappedKey> next = new LinkedHashMap<>(users);
        next.remove(holderId);
        return new KeyFile(registryId, holderSalt, next, recovery);
    }
}
