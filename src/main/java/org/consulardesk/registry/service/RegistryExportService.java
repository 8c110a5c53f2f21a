package org.consulardesk.registry.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.consulardesk.registry.model.PresenceStatus;
import org.consulardesk.registry.model.RegistrantRow;
import org.consulardesk.registry.model.RegistryCount;
import org.consulardesk.registry.model.RegistryFilter;
import org.consulardesk.registry.store.RegistryExportStore;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Reads the registry for exports (the exchange feature's profiles use it): streams registrations
 * page by page in id order, and counts persons by city, district, purpose, vulnerability and
 * document expiry. Restricted fields come only for persons whose consent to share is active, and
 * only when the caller asks and the role may both reveal them and export personal data.
 */
public final class RegistryExportService {
    static final int PAGE = 2000;
    public static final List<String> EXPIRY_BANDS = List.of("EXPIRED", "WITHIN_90_DAYS", "WITHIN_180_DAYS", "LATER",
            "UNKNOWN_DATE", "NO_DOCUMENT");

    private final Session session;
    private final RegistryExportStore store = new RegistryExportStore();

    public RegistryExportService(Session session) {
        this.session = session;
    }

    public long count(RegistryFilter filter) {
        requireCounts();
        return session.database().read(tx -> store.count(tx, filter));
    }

    /**
     * Hands every matching registration to {@code consumer}, in id order, {@value #PAGE} at a time
     * (each page read in its own short read, so a large export never holds a long transaction).
     */
    public void stream(RegistryFilter filter, boolean includeRestricted, Consumer<RegistrantRow> consumer) {
        session.require(Permission.VIEW_REGISTRY);
        session.require(Permission.EXPORT_PERSONAL_DATA);
        boolean restricted = includeRestricted && session.can(Permission.REVEAL_SENSITIVE);
        LocalDate today = today();
        long after = 0;
        while (true) {
            long from = after;
            List<RegistrantRow> page = session.database().read(tx -> store.page(tx, filter, from, PAGE, restricted, today));
            for (RegistrantRow row : page) {
                consumer.accept(row);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * Hands the registrations of {@code ids} (ascending, e.g. the people inside an area) that match the
     * filter to {@code consumer}, in id order, {@value #PAGE} ids at a time, under the same rules as
     * {@link #stream(RegistryFilter, boolean, Consumer)}: merged-away persons are left out, restricted
     * fields only for active consent to share and when the role may reveal them.
     */
    public void stream(RegistryFilter filter, long[] ids, boolean includeRestricted, Consumer<RegistrantRow> consumer) {
        session.require(Permission.VIEW_REGISTRY);
        session.require(Permission.EXPORT_PERSONAL_DATA);
        boolean restricted = includeRestricted && session.can(Permission.REVEAL_SENSITIVE);
        LocalDate today = today();
        for (int from = 0; from < ids.length; from += PAGE) {
            List<Long> batch = java.util.Arrays.stream(ids, from, Math.min(ids.length, from + PAGE)).boxed().toList();
            for (RegistrantRow row : session.database().read(tx -> store.rowsOf(tx, filter, batch, restricted, today))) {
                consumer.accept(row);
            }
        }
    }

    /** Counts without personal data: TOTAL, then by purpose, city, district, vulnerability, document expiry, presence status. */
    public List<RegistryCount> totals(RegistryFilter filter) {
        requireCounts();
        LocalDate today = today();
        return session.database().read(tx -> {
            List<RegistryCount> counts = new ArrayList<>();
            long total = store.count(tx, filter);
            counts.add(new RegistryCount(RegistryCount.TOTAL, "", total));
            counts.addAll(store.countBy(tx, filter, RegistryCount.PURPOSE));
            counts.addAll(store.countBy(tx, filter, RegistryCount.CITY));
            counts.addAll(store.countBy(tx, filter, RegistryCount.DISTRICT));
            counts.addAll(store.countByVulnerability(tx, filter));
            Map<String, Long> bands = store.countByLatestExpiry(tx, filter, today);
            long withDocument = bands.values().stream().mapToLong(Long::longValue).sum();
            for (String band : EXPIRY_BANDS) {
                long n = "NO_DOCUMENT".equals(band) ? total - withDocument : bands.getOrDefault(band, 0L);
                counts.add(new RegistryCount(RegistryCount.DOCUMENT_EXPIRY, band, n));
            }
            counts.addAll(store.countByPresence(tx, filter, today));
            return counts;
        });
    }

    /**
     * The presence status today of those of {@code ids} that match the filter (for counts per area,
     * e.g. registrants inside a hotspot); ids of merged or filtered-out persons are absent.
     */
    public Map<Long, PresenceStatus> presence(java.util.Collection<Long> ids, RegistryFilter filter) {
        requireCounts();
        LocalDate today = today();
        return session.database().read(tx -> store.presence(tx, ids, filter, today));
    }

    /** The day counts are taken on (the session clock, UTC). */
    public LocalDate countDay() {
        return today();
    }

    private void requireCounts() {
        if (!session.can(Permission.EXPORT_AGGREGATE)) {
            session.require(Permission.VIEW_REGISTRY);
        }
    }

    private LocalDate today() {
        return session.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
