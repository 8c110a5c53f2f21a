package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.ORGANISATION;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.OrganisationRecord;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The shared {@code organisation} table as the registry uses it: employers and recruitment agencies
 * picked in the person form (the bonds feature adds licence and compliance columns of its own).
 */
public final class OrganisationStore {

    /** Organisations of a kind whose name contains every typed word (all of them when blank), by name. */
    public List<Organisation> search(Tx tx, OrganisationKind kind, String text, int limit) {
        Condition where = ORGANISATION.KIND.eq(kind.name());
        if (text != null) {
            for (String word : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                String clean = word.replace("%", "").replace("_", "");
                if (!clean.isEmpty()) {
                    where = where.and(DSL.lower(ORGANISATION.LEGAL_NAME).like("%" + clean + "%")
                            .or(DSL.lower(ORGANISATION.REGISTRATION_NUMBER).like("%" + clean + "%")));
                }
            }
        }
        return tx.dsl().selectFrom(ORGANISATION).where(where).orderBy(ORGANISATION.LEGAL_NAME, ORGANISATION.ID)
                .limit(limit).fetch(OrganisationStore::organisation);
    }

    public List<Organisation> get(Tx tx, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.dsl().selectFrom(ORGANISATION).where(ORGANISATION.ID.in(ids)).fetch(OrganisationStore::organisation);
    }

    /** True when an organisation of that kind already has this name (ignoring case). */
    public boolean named(Tx tx, OrganisationKind kind, String name) {
        return tx.dsl().fetchExists(ORGANISATION, ORGANISATION.KIND.eq(kind.name())
                .and(DSL.lower(ORGANISATION.LEGAL_NAME).eq(name.toLowerCase(Locale.ROOT))));
    }

    public long insert(Tx tx, OrganisationKind kind, String legalName, String countryCode) {
        return tx.dsl().insertInto(ORGANISATION).set(ORGANISATION.KIND, kind.name()).set(ORGANISATION.LEGAL_NAME, legalName)
                .set(ORGANISATION.COUNTRY_CODE, countryCode).set(ORGANISATION.ROW_VERSION, 1)
                .returningResult(ORGANISATION.ID).fetchOne().value1();
    }

    private static Organisation organisation(OrganisationRecord r) {
        return new Organisation(r.getId(), r.getRowVersion(), OrganisationKind.valueOf(r.getKind()), r.getLegalName(),
                r.getRegistrationNumber(), r.getCountryCode(), r.getAddress(), r.getPhone(), r.getEmail());
    }
}
