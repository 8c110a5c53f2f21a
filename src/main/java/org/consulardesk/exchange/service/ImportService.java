package org.consulardesk.exchange.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ExchangeIssue;
import org.consulardesk.exchange.model.ImportReport;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.model.KeyTrust;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.exchange.model.SheetInfo;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exchange.model.WorkbookInfo;
import org.consulardesk.exchange.store.ExchangeImportStore;
import org.consulardesk.exchange.store.PostKeyStore;
import org.consulardesk.registry.model.PresenceStatus;
import org.consulardesk.registry.model.RegistryCount;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.store.Tx;

/**
 * Imports posts' workbooks into an HQ workspace, each file all or nothing: the whole check (format,
 * signature against the registered post key, hashes, types) runs while its rows are written in ONE
 * transaction, which rolls back on the first problem. The same export twice changes nothing; a newer
 * export of a post and profile supersedes the older one; an older one is not imported.
 */
public final class ImportService {
    public static final String AUDIT_IMPORTED = "EXCHANGE_IMPORTED";
    static final int BATCH = 500;

    private final Session session;
    private final ExchangeImportStore store = new ExchangeImportStore();
    private final PostKeyStore keys = new PostKeyStore();

    public ImportService(Session session) {
        this.session = session;
    }

    /** Imports each file on its own; one report per file, in order. */
    public List<ImportReport> importFiles(List<Path> files, char[] password, ProgressSink progress) {
        session.require(Permission.IMPORT_EXCHANGE);
        RegistryKind kind = session.descriptor().kind();
        if (kind != RegistryKind.HQ && kind != RegistryKind.TRAINING) {
            throw new UserError("error.exchange.notHq");
        }
        List<ImportReport> reports = new ArrayList<>();
        for (Path file : files) {
            progress.checkCancelled();
            reports.add(importFile(file, password, progress));
        }
        return reports;
    }

    /** Checks a workbook without importing it (no permission beyond import; nothing is written). */
    public VerifyReport check(Path file, char[] password, ProgressSink progress) {
        session.require(Permission.IMPORT_EXCHANGE);
        return WorkbookReader.verify(file, password, this::knownKey, WorkbookReader.RowHandler.NONE, progress);
    }

    private byte[] knownKey(String registryId) {
        return session.database().read(tx -> keys.find(tx, registryId)).map(PostKey::publicKey).orElse(null);
    }

    private static final class Rollback extends RuntimeException {
        final transient ImportReport report;

        Rollback(ImportReport report) {
            super("rollback", null, false, false);
            this.report = report;
        }
    }

    private ImportReport importFile(Path file, char[] password, ProgressSink progress) {
        String name = file.getFileName().toString();
        try {
            return session.database().write(tx -> {
                Handler handler = new Handler(tx, name);
                VerifyReport report = WorkbookReader.verify(file, password,
                        id -> keys.find(tx, id).map(PostKey::publicKey).orElse(null), handler, progress);
                if (handler.outcome != null) {
                    throw new Rollback(handler.outcome); // nothing written: already imported, older, or key
                }
                if (!report.issues().isEmpty() || report.info() == null) {
                    throw new Rollback(new ImportReport(name, ImportStatus.REFUSED, report.info(), report.issues(), 0));
                }
                handler.finish();
                int superseded = store.supersedeOthers(tx, handler.importId, report.info().registryId(), report.info().profile());
                session.audit().record(tx, AuditEvent.on(AUDIT_IMPORTED, "exchange_import", handler.importId)
                        .withDetail(report.info().profile() + ", " + handler.rows + " rows, post key "
                                + report.info().fingerprint() + (superseded > 0 ? ", supersedes " + superseded : "")));
                return new ImportReport(name, ImportStatus.IMPORTED, report.info(), List.of(), handler.rows);
            });
        } catch (Rollback r) {
            return r.report;
        }
    }

    /** Writes rows in batches as the reader streams them, and counts totals for the consolidation. */
    private final class Handler implements WorkbookReader.RowHandler {
        private final Tx tx;
        private final String fileName;
        ImportReport outcome;
        long importId;
        long rows;
        private WorkbookInfo info;
        private final Map<String, Integer> positions = new HashMap<>();
        private final List<ExchangeImportStore.Row> batch = new ArrayList<>(BATCH);
        private final Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        private final Map<String, ExchangeImportStore.CrisisCounts> crises = new LinkedHashMap<>();

        Handler(Tx tx, String fileName) {
            this.tx = tx;
            this.fileName = fileName;
        }

        @Override
        public void begin(WorkbookInfo workbook, KeyTrust trust) {
            this.info = workbook;
            if (trust != KeyTrust.KNOWN && PostKeyService.retired(tx, workbook.registryId(), workbook.fingerprint())) {
                outcome = new ImportReport(fileName, ImportStatus.REFUSED, workbook, List.of(new ExchangeIssue(fileName,
                        null, 0, null, Messages.get("exchange.issue.keyRetired", workbook.fingerprint(), workbook.post()))), 0);
                throw new Stop();
            }
            if (trust == KeyTrust.UNKNOWN) {
                outcome = new ImportReport(fileName, ImportStatus.UNKNOWN_KEY, workbook, List.of(new ExchangeIssue(fileName,
                        null, 0, null, Messages.get("exchange.issue.unknownKey", workbook.fingerprint()))), 0);
                throw new Stop();
            }
            if (trust == KeyTrust.MISMATCH) {
                outcome = new ImportReport(fileName, ImportStatus.REFUSED, workbook, List.of(new ExchangeIssue(fileName,
                        null, 0, null, Messages.get("exchange.issue.keyMismatch", workbook.fingerprint(), workbook.post()))), 0);
                throw new Stop();
            }
            if (store.find(tx, workbook.registryId(), workbook.profile(), workbook.createdAt()).isPresent()) {
                outcome = new ImportReport(fileName, ImportStatus.ALREADY_IMPORTED, workbook, List.of(), 0);
                throw new Stop();
            }
            Optional<java.time.Instant> latest = store.latest(tx, workbook.registryId(), workbook.profile());
            if (latest.isPresent() && latest.get().isAfter(workbook.createdAt())) {
                outcome = new ImportReport(fileName, ImportStatus.OLDER_THAN_IMPORTED, workbook, List.of(), 0);
                throw new Stop();
            }
            importId = store.insert(tx, workbook, fileName, session.now(), session.user().username());
            store.insertSheets(tx, importId, workbook.sheets());
            for (int i = 0; i < workbook.sheets().size(); i++) {
                positions.put(workbook.sheets().get(i).name(), i);
            }
        }

        @Override
        public void row(SheetInfo sheet, long rowNumber, String[] cells) {
            batch.add(new ExchangeImportStore.Row(positions.get(sheet.name()), rowNumber, String.join("\u001f", cells)));
            rows++;
            count(sheet, cells);
            if (batch.size() == BATCH) {
                store.insertRows(tx, importId, batch);
                batch.clear();
            }
        }

        void finish() {
            store.insertRows(tx, importId, batch);
            batch.clear();
            totals.computeIfAbsent(ExchangeImportStore.TOTAL, k -> new LinkedHashMap<>()).putIfAbsent("", 0L);
            store.insertTotals(tx, importId, totals);
            store.insertCrisisTotals(tx, importId, crises.values());
        }

        /** Totals from the two registry profiles; other profiles are kept for drill-down only. */
        private void count(SheetInfo sheet, String[] cells) {
            boolean registry = RegistryAggregateProfile.NAME.equals(info.profile()) || RegistryFullProfile.NAME.equals(info.profile());
            if (registry && sheet.name().startsWith(CrisisSheet.SHEET)) {
                countCrisis(cells);
            } else if (RegistryAggregateProfile.NAME.equals(info.profile()) && sheet.name().startsWith(RegistryAggregateProfile.SHEET)) {
                add(cells[0], cells[1], Long.parseLong(cells[2]));
            } else if (RegistryFullProfile.NAME.equals(info.profile()) && sheet.name().startsWith(RegistryFullProfile.SHEET)) {
                add(ExchangeImportStore.TOTAL, "", 1);
                add("PURPOSE", cells[FULL_PURPOSE], 1);
                add("CITY", cells[FULL_CITY], 1);
                add("DISTRICT", cells[FULL_DISTRICT], 1);
                if (!cells[FULL_VULNERABILITIES].isEmpty()) {
                    for (String code : cells[FULL_VULNERABILITIES].split(" ")) {
                        add("VULNERABILITY", code, 1);
                    }
                }
                if (info.schemaVersion() >= 2) {
                    LocalDate day = info.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
                    add(RegistryCount.STATUS, PresenceStatus.of(date(cells[FULL_ARRIVAL]), date(cells[FULL_DEPARTURE]), day).name(), 1);
                }
            }
        }

        /** One row of the Crises sheet: the crisis's facts from its first row, counts summed (names may repeat). */
        private void countCrisis(String[] cells) {
            String name = cells[CrisisSheet.CRISIS];
            ExchangeImportStore.CrisisCounts crisis = crises.computeIfAbsent(name, n -> new ExchangeImportStore.CrisisCounts(n,
                    cells[CrisisSheet.TYPE], cells[CrisisSheet.SEVERITY], date(cells[CrisisSheet.VALID_FROM]),
                    date(cells[CrisisSheet.VALID_TO]), new LinkedHashMap<>()));
            crisis.counts().computeIfAbsent(cells[CrisisSheet.DIMENSION], k -> new LinkedHashMap<>())
                    .merge(cells[CrisisSheet.VALUE], Long.parseLong(cells[CrisisSheet.PERSONS]), Long::sum);
        }

        private void add(String dimension, String value, long n) {
            totals.computeIfAbsent(dimension, k -> new LinkedHashMap<>()).merge(value, n, Long::sum);
        }
    }

    private static final int FULL_PURPOSE = index("Purpose");
    private static final int FULL_DISTRICT = index("District");
    private static final int FULL_CITY = index("City");
    private static final int FULL_VULNERABILITIES = index("Vulnerabilities");
    private static final int FULL_ARRIVAL = index("Arrival");
    private static final int FULL_DEPARTURE = index("Planned departure");

    private static LocalDate date(String canonical) {
        return canonical == null || canonical.isEmpty() ? null : LocalDate.parse(canonical);
    }

    private static int index(String header) {
        for (int i = 0; i < RegistryFullProfile.COLUMNS.size(); i++) {
            if (RegistryFullProfile.COLUMNS.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalStateException(header);
    }
}
