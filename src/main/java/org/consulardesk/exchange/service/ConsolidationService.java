package org.consulardesk.exchange.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.PostImport;
import org.consulardesk.exchange.store.ExchangeImportStore;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * The HQ view over all posts: the current import of each post (the newest registry export, full or
 * aggregate), totals by post, country, purpose, city, district, vulnerability and document expiry,
 * and drill-down to the rows of one import.
 */
public final class ConsolidationService {
    public static final List<String> DIMENSIONS = List.of("PURPOSE", "VULNERABILITY", "DOCUMENT_EXPIRY", "CITY", "DISTRICT");

    private final Session session;
    private final ExchangeImportStore store = new ExchangeImportStore();

    public ConsolidationService(Session session) {
        this.session = session;
    }

    /** Every import not superseded, by post. */
    public List<PostImport> imports() {
        session.require(Permission.IMPORT_EXCHANGE);
        return session.database().read(tx -> store.imports(tx, false));
    }

    /** Per post, the import the totals count: its newest registry export (full or aggregate). */
    public List<PostImport> currentPerPost() {
        Map<String, PostImport> current = new LinkedHashMap<>();
        for (PostImport i : imports()) {
            if (!i.profile().equals(RegistryAggregateProfile.NAME) && !i.profile().equals(RegistryFullProfile.NAME)) {
                continue;
            }
            current.merge(i.registryId(), i, (a, b) -> a.exportedAt().isAfter(b.exportedAt()) ? a : b);
        }
        return new ArrayList<>(current.values());
    }

    /** Persons by one dimension over all posts ({@code COUNTRY} sums the posts' totals by host country). */
    public List<ConsolidatedTotal> totals(String dimension) {
        List<PostImport> current = currentPerPost();
        if ("COUNTRY".equals(dimension)) {
            Map<String, Long> byCountry = new LinkedHashMap<>();
            current.forEach(i -> byCountry.merge(i.country() == null ? "" : i.country(), i.persons(), Long::sum));
            return byCountry.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> new ConsolidatedTotal("COUNTRY", e.getKey(), e.getValue())).toList();
        }
        if ("POST".equals(dimension)) {
            return current.stream().sorted((a, b) -> Long.compare(b.persons(), a.persons()))
                    .map(i -> new ConsolidatedTotal("POST", i.post(), i.persons())).toList();
        }
        List<Long> ids = current.stream().map(PostImport::id).toList();
        return session.database().read(tx -> store.totals(tx, ids, dimension));
    }

    /** One post's totals by a dimension (drill-down from the per-post list). */
    public List<ConsolidatedTotal> totalsOf(long importId, String dimension) {
        session.require(Permission.IMPORT_EXCHANGE);
        return session.database().read(tx -> store.totals(tx, List.of(importId), dimension));
    }

    public List<ImportedRows> sheets(long importId) {
        session.require(Permission.IMPORT_EXCHANGE);
        return session.database().read(tx -> store.sheets(tx, importId));
    }

    /** A page of one imported sheet's rows (personal data only if the post exported the full profile). */
    public ImportedRows rows(long importId, int sheetPosition, int offset, int limit) {
        session.require(Permission.IMPORT_EXCHANGE);
        return session.database().read(tx -> store.rows(tx, importId, sheetPosition, Math.max(0, offset), Math.max(0, limit)));
    }
}
