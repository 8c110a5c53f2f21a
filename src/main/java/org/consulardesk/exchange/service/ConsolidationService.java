package org.consulardesk.exchange.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.util.Comparator;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.exchange.model.CrisisTotal;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.PostImport;
import org.consulardesk.exchange.store.ExchangeImportStore;
import org.consulardesk.map.model.Severity;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * The HQ view over all posts: the current import of each post (the newest registry export, full or
 * aggregate), totals by post, country, crisis, presence status, purpose, city, district, vulnerability
 * and document expiry, drill-down of a crisis by post, status and vulnerability, and drill-down to the
 * rows of one import.
 */
public final class ConsolidationService {
    public static final List<String> DIMENSIONS = List.of("PURPOSE", "VULNERABILITY", "DOCUMENT_EXPIRY", "CITY", "DISTRICT", "STATUS");
    /** What the consolidation view and its re-export list, in order; {@code CRISIS} is read with {@link #crises()}. */
    public static final List<String> VIEW_DIMENSIONS = List.of("POST", "COUNTRY", "CRISIS", "STATUS", "PURPOSE", "VULNERABILITY",
            "DOCUMENT_EXPIRY", "CITY", "DISTRICT");
    /** The crisis breakdowns of a post's export (ADR 0054). */
    public static final List<String> CRISIS_DIMENSIONS = List.of(CrisisSheet.STATUS, CrisisSheet.VULNERABILITY);

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

    /**
     * Persons by crisis over all posts' current imports: the hotspots the posts reported active when
     * they exported, summed by name (a regional crisis several posts drew under one name is one line).
     */
    public List<CrisisTotal> crises() {
        List<Long> ids = currentPerPost().stream().map(PostImport::id).toList();
        List<ExchangeImportStore.CrisisRow> rows = session.database().read(tx -> store.crises(tx, ids));
        Map<String, List<ExchangeImportStore.CrisisRow>> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.computeIfAbsent(r.crisis(), k -> new ArrayList<>()).add(r));
        List<CrisisTotal> out = new ArrayList<>();
        for (var e : byName.entrySet()) {
            List<ExchangeImportStore.CrisisRow> of = e.getValue();
            String severity = of.stream().map(ExchangeImportStore.CrisisRow::severity)
                    .max(Comparator.comparingInt(ConsolidationService::severityRank)).orElse("");
            LocalDate from = of.stream().map(ExchangeImportStore.CrisisRow::validFrom).anyMatch(d -> d == null) ? null
                    : of.stream().map(ExchangeImportStore.CrisisRow::validFrom).min(Comparator.naturalOrder()).orElse(null);
            LocalDate to = of.stream().map(ExchangeImportStore.CrisisRow::validTo).anyMatch(d -> d == null) ? null
                    : of.stream().map(ExchangeImportStore.CrisisRow::validTo).max(Comparator.naturalOrder()).orElse(null);
            out.add(new CrisisTotal(e.getKey(), of.get(0).type(), severity, from, to, of.size(),
                    of.stream().mapToLong(ExchangeImportStore.CrisisRow::persons).sum()));
        }
        out.sort(Comparator.comparingLong(CrisisTotal::persons).reversed().thenComparing(CrisisTotal::crisis));
        return out;
    }

    /**
     * Drill-down of one crisis: {@code POST} (persons inside per post that reported it), or one of
     * {@link #CRISIS_DIMENSIONS} summed over those posts.
     */
    public List<ConsolidatedTotal> crisisTotals(String crisis, String dimension) {
        List<PostImport> current = currentPerPost();
        List<Long> ids = current.stream().map(PostImport::id).toList();
        if ("POST".equals(dimension)) {
            Map<Long, String> postOf = new LinkedHashMap<>();
            current.forEach(i -> postOf.put(i.id(), i.post()));
            return session.database().read(tx -> store.crises(tx, ids)).stream().filter(r -> r.crisis().equals(crisis))
                    .sorted(Comparator.comparingLong(ExchangeImportStore.CrisisRow::persons).reversed())
                    .map(r -> new ConsolidatedTotal("POST", postOf.get(r.importId()), r.persons())).toList();
        }
        return session.database().read(tx -> store.crisisTotals(tx, ids, crisis, dimension));
    }

    /** The posts whose current import is older than schema version 2, so it carries no crisis or status figures. */
    public List<PostImport> withoutCrisisFigures() {
        return currentPerPost().stream().filter(i -> i.schemaVersion() < 2).toList();
    }

    private static int severityRank(String severity) {
        try {
            return Severity.valueOf(severity).ordinal();
        } catch (IllegalArgumentException e) {
            return -1;
        }
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
