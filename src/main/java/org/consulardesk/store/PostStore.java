package org.consulardesk.store;

import static org.consulardesk.store.generated.Tables.POST;

import java.time.Instant;
import java.time.ZoneOffset;

/** The single row describing the post that owns this registry. */
public final class PostStore {
    public void insert(Tx tx, String name, String countryCode, String kind, Instant createdAt) {
        tx.dsl().insertInto(POST)
                .set(POST.ID, 1)
                .set(POST.NAME, name)
                .set(POST.COUNTRY_CODE, countryCode)
                .set(POST.KIND, kind)
                .set(POST.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .execute();
    }
}
