package org.consulardesk.exchange.store;

import static org.consulardesk.store.generated.Tables.EXCHANGE_CRISIS_TOTAL;
import static org.consulardesk.store.generated.Tables.EXCHANGE_IMPORT;
import static org.consulardesk.store.generated.Tables.EXCHANGE_ROW;
import static org.consulardesk.store.generated.Tables.EXCHANGE_SHEET;
import static org.consulardesk.store.generated.Tables.EXCHANGE_TOTAL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.PostImport;
import org.consulardesk.exchange.model.SheetInfo;
import org.consulardesk.exchange.model.WorkbookInfo;
import org.consulardesk.store.Tx;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Imported workbooks at headquarters: imports, their sheets, rows (for drill-down) and totals. */
public final class ExchangeImportStore {
    public static final String TOTAL = "TOTAL";

    public Optional<Long> find(Tx tx, String registryId, String profile, Instant exportedAt) {
        return tx.dsl().select(EXCHANGE_IMPORT.ID).from(EXCHANGE_IMPORT)
                .where(EXCHANGE_IMPORT.REGISTRY_ID.eq(registryId).and(EXCHANGE_IMPORT.PROFILE.eq(profile))
                        .and(EXCHANGE_IMPORT.EXPORTED_AT.eq(exportedAt.atOffset(ZoneOffset.UTC))))
                .fetchOptional(EXCHANGE_IMPORT.ID);
    }

    /** The latest export time imported for this post and profile, if any. */
    public Optional<Instant> latest(Tx tx, String registryId, String profile) {
        return Optional.ofNullable(tx.dsl().select(DSL.max(EXCHANGE_IMPORT.EXPORTED_AT)).from(EXCHANGE_IMPORT)
                .where(EXCHANGE_IMPORT.REGISTRY_ID.eq(registryId).and(EXCHANGE_IMPORT.PROFILE.eq(profile)))
                .fetchOne(0, java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant);
    }

    public long insert(Tx tx, WorkbookInfo info, String fileName, Instant importedAt, String importedBy) {
        return tx.dsl().insertInto(EXCHANGE_IMPORT)
                .set(EXCHANGE_IMPORT.REGISTRY_ID, info.registryId())
                .set(EXCHANGE_IMPORT.POST_NAME, info.post())
                .set(EXCHANGE_IMPORT.COUNTRY_CODE, info.country())
                .set(EXCHANGE_IMPORT.PROFILE, info.profile())
                .set(EXCHANGE_IMPORT.EXPORTED_AT, info.createdAt().atOffset(ZoneOffset.UTC))
                .set(EXCHANGE_IMPORT.EXPORTED_BY, info.createdBy())
                .set(EXCHANGE_IMPORT.FINGERPRINT, info.fingerprint())
                .set(EXCHANGE_IMPORT.IMPORTED_AT, importedAt.atOffset(ZoneOffset.UTC))
                .set(EXCHANGE_IMPORT.IMPORTED_BY, importedBy)
                .set(EXCHANGE_IMPORT.FILE_NAME, fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .set(EXCHANGE_IMPORT.ROW_COUNT, info.totalRows())
                .set(EXCHANGE_IMPORT.SUPERSEDED, false)
                .set(EXCHANGE_IMPORT.SCHEMA_VERSION, info.schemaVersion())
                .returning(EXCHANGE_IMPORT.ID).fetchOne().getId();
    }

    public void insertSheets(Tx tx, long importId, List<SheetInfo> sheets) {
        for (int i = 0; i < sheets.size(); i++) {
            SheetInfo s = sheets.get(i);
            tx.dsl().insertInto(EXCHANGE_SHEET)
                    .set(EXCHANGE_SHEET.IMPORT_ID, importId)
                    .set(EXCHANGE_SHEET.POSITION, i)
                    .set(EXCHANGE_SHEET.SHEET_NAME, s.name())
                    .set(EXCHANGE_SHEET.COLUMNS, String.join(";", s.columns().stream().map(ExportColumn::spec).toList()))
                    .set(EXCHANGE_SHEET.ROW_COUNT, s.rows())
                    .set(EXCHANGE_SHEET.SHA256, s.sha256())
                    .execute();
        }
    }

    /** One batch of rows: {position, rowNo, cells}. */
    public record Row(int position, long rowNo, String cells) {
    }

    public void insertRows(Tx tx, long importId, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        InsertValuesStep4<?, Long, Integer, Long, String> insert = tx.dsl().insertInto(EXCHANGE_ROW,
                EXCHANGE_ROW.IMPORT_ID, EXCHANGE_ROW.POSITION, EXCHANGE_ROW.ROW_NO, EXCHANGE_ROW.CELLS);
        for (Row r : rows) {
            insert = insert.values(importId, r.position(), r.rowNo(), r.cells());
        }
        insert.execute();
    }

    public void insertTotals(Tx tx, long importId, Map<String, Map<String, Long>> totals) {
        for (var dimension : totals.entrySet()) {
            for (var value : dimension.getValue().entrySet()) {
                tx.dsl().insertInto(EXCHANGE_TOTAL)
                        .set(EXCHANGE_TOTAL.IMPORT_ID, importId)
                        .set(EXCHANGE_TOTAL.DIMENSION, dimension.getKey())
                        .set(EXCHANGE_TOTAL.DIM_VALUE, value.getKey().length() > 200 ? value.getKey().substring(0, 200) : value.getKey())
                        .set(EXCHANGE_TOTAL.PERSONS, value.getValue())
                        .execute();
            }
        }
    }

    /** One crisis as a post reported it, with its counts by {@code dimension -> value -> persons}. */
    public record CrisisCounts(String crisis, String type, String severity, LocalDate validFrom, LocalDate validTo,
                               Map<String, Map<String, Long>> counts) {
    }

    public void insertCrisisTotals(Tx tx, long importId, Collection<CrisisCounts> crises) {
        for (CrisisCounts c : crises) {
            for (var dimension : c.counts().entrySet()) {
                for (var value : dimension.getValue().entrySet()) {
                    tx.dsl().insertInto(EXCHANGE_CRISIS_TOTAL)
                            .set(EXCHANGE_CRISIS_TOTAL.IMPORT_ID, importId)
                            .set(EXCHANGE_CRISIS_TOTAL.CRISIS, cut(c.crisis(), 200))
                            .set(EXCHANGE_CRISIS_TOTAL.CRISIS_TYPE, cut(c.type(), 40))
                            .set(EXCHANGE_CRISIS_TOTAL.SEVERITY, cut(c.severity(), 20))
                            .set(EXCHANGE_CRISIS_TOTAL.VALID_FROM, c.validFrom())
                            .set(EXCHANGE_CRISIS_TOTAL.VALID_TO, c.validTo())
                            .set(EXCHANGE_CRISIS_TOTAL.DIMENSION, cut(dimension.getKey(), 40))
                            .set(EXCHANGE_CRISIS_TOTAL.DIM_VALUE, cut(value.getKey(), 200))
                            .set(EXCHANGE_CRISIS_TOTAL.PERSONS, value.getValue())
                            .execute();
                }
            }
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** The crises reported by the given imports: one row per (import, crisis) with its TOTAL persons. */
    public List<CrisisRow> crises(Tx tx, Collection<Long> importIds) {
        if (importIds.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(EXCHANGE_CRISIS_TOTAL.IMPORT_ID, EXCHANGE_CRISIS_TOTAL.CRISIS, EXCHANGE_CRISIS_TOTAL.CRISIS_TYPE,
                        EXCHANGE_CRISIS_TOTAL.SEVERITY, EXCHANGE_CRISIS_TOTAL.VALID_FROM, EXCHANGE_CRISIS_TOTAL.VALID_TO,
                        EXCHANGE_CRISIS_TOTAL.PERSONS)
                .from(EXCHANGE_CRISIS_TOTAL)
                .where(EXCHANGE_CRISIS_TOTAL.IMPORT_ID.in(importIds).and(EXCHANGE_CRISIS_TOTAL.DIMENSION.eq(TOTAL)))
                .orderBy(EXCHANGE_CRISIS_TOTAL.CRISIS, EXCHANGE_CRISIS_TOTAL.IMPORT_ID)
                .fetch(r -> new CrisisRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** One crisis of one import with its total. */
    public record CrisisRow(long importId, String crisis, String type, String severity, LocalDate validFrom,
                            LocalDate validTo, long persons) {
    }

    /** One crisis's counts of one dimension summed over the given imports. */
    public List<ConsolidatedTotal> crisisTotals(Tx tx, Collection<Long> importIds, String crisis, String dimension) {
        if (importIds.isEmpty()) {
            return List.of();
        }
        Field<java.math.BigDecimal> sum = DSL.sum(EXCHANGE_CRISIS_TOTAL.PERSONS);
        return tx.dsl().select(EXCHANGE_CRISIS_TOTAL.DIM_VALUE, sum).from(EXCHANGE_CRISIS_TOTAL)
                .where(EXCHANGE_CRISIS_TOTAL.IMPORT_ID.in(importIds).and(EXCHANGE_CRISIS_TOTAL.CRISIS.eq(crisis))
                        .and(EXCHANGE_CRISIS_TOTAL.DIMENSION.eq(dimension)))
                .groupBy(EXCHANGE_CRISIS_TOTAL.DIM_VALUE).orderBy(sum.desc(), EXCHANGE_CRISIS_TOTAL.DIM_VALUE)
                .fetch(r -> new ConsolidatedTotal(dimension, r.value1(), r.value2().longValue()));
    }

    /** Marks every other import of this post and profile superseded; deletes their rows (kept: the import record). */
    public int supersedeOthers(Tx tx, long importId, String registryId, String profile) {
        var others = EXCHANGE_IMPORT.REGISTRY_ID.eq(registryId).and(EXCHANGE_IMPORT.PROFILE.eq(profile))
                .and(EXCHANGE_IMPORT.ID.ne(importId)).and(EXCHANGE_IMPORT.SUPERSEDED.isFalse());
        List<Long> ids = tx.dsl().select(EXCHANGE_IMPORT.ID).from(EXCHANGE_IMPORT).where(others).fetch(EXCHANGE_IMPORT.ID);
        if (ids.isEmpty()) {
            return 0;
        }
        tx.dsl().deleteFrom(EXCHANGE_ROW).where(EXCHANGE_ROW.IMPORT_ID.in(ids)).execute();
        tx.dsl().update(EXCHANGE_IMPORT).set(EXCHANGE_IMPORT.SUPERSEDED, true).where(EXCHANGE_IMPORT.ID.in(ids)).execute();
        return ids.size();
    }

    public List<PostImport> imports(Tx tx, boolean includeSuperseded) {
        Field<Long> persons = DSL.field(DSL.select(DSL.coalesce(DSL.sum(EXCHANGE_TOTAL.PERSONS), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(EXCHANGE_TOTAL).where(EXCHANGE_TOTAL.IMPORT_ID.eq(EXCHANGE_IMPORT.ID).and(EXCHANGE_TOTAL.DIMENSION.eq(TOTAL))))
                .cast(Long.class);
        return tx.dsl().select(EXCHANGE_IMPORT.asterisk(), persons.as("persons")).from(EXCHANGE_IMPORT)
                .where(includeSuperseded ? DSL.noCondition() : EXCHANGE_IMPORT.SUPERSEDED.isFalse())
                .orderBy(EXCHANGE_IMPORT.POST_NAME, EXCHANGE_IMPORT.PROFILE, EXCHANGE_IMPORT.EXPORTED_AT.desc())
                .fetch(ExchangeImportStore::toImport);
    }

    private static PostImport toImport(Record r) {
        Long persons = r.get("persons", Long.class);
        return new PostImport(r.get(EXCHANGE_IMPORT.ID), r.get(EXCHANGE_IMPORT.REGISTRY_ID), r.get(EXCHANGE_IMPORT.POST_NAME),
                r.get(EXCHANGE_IMPORT.COUNTRY_CODE), r.get(EXCHANGE_IMPORT.PROFILE), r.get(EXCHANGE_IMPORT.EXPORTED_AT).toInstant(),
                r.get(EXCHANGE_IMPORT.EXPORTED_BY), r.get(EXCHANGE_IMPORT.IMPORTED_AT).toInstant(),
                r.get(EXCHANGE_IMPORT.IMPORTED_BY), r.get(EXCHANGE_IMPORT.FILE_NAME), r.get(EXCHANGE_IMPORT.ROW_COUNT),
                persons == null ? 0 : persons, r.get(EXCHANGE_IMPORT.SUPERSEDED),
                r.get(EXCHANGE_IMPORT.SCHEMA_VERSION) == null ? 1 : r.get(EXCHANGE_IMPORT.SCHEMA_VERSION));
    }

    /** Totals of one dimension summed over the given imports. */
    public List<ConsolidatedTotal> totals(Tx tx, Collection<Long> importIds, String dimension) {
        if (importIds.isEmpty()) {
            return List.of();
        }
        Field<java.math.BigDecimal> sum = DSL.sum(EXCHANGE_TOTAL.PERSONS);
        return tx.dsl().select(EXCHANGE_TOTAL.DIM_VALUE, sum).from(EXCHANGE_TOTAL)
                .where(EXCHANGE_TOTAL.IMPORT_ID.in(importIds).and(EXCHANGE_TOTAL.DIMENSION.eq(dimension)))
                .groupBy(EXCHANGE_TOTAL.DIM_VALUE).orderBy(sum.desc(), EXCHANGE_TOTAL.DIM_VALUE)
                .fetch(r -> new ConsolidatedTotal(dimension, r.value1(), r.value2().longValue()));
    }

    public List<ImportedRows> sheets(Tx tx, long importId) {
        return tx.dsl().selectFrom(EXCHANGE_SHEET).where(EXCHANGE_SHEET.IMPORT_ID.eq(importId)).orderBy(EXCHANGE_SHEET.POSITION)
                .fetch(r -> new ImportedRows(r.getSheetName(), columns(r.getColumns()), List.of(), r.getRowCount()));
    }

    public ImportedRows rows(Tx tx, long importId, int position, int offset, int limit) {
        var sheet = tx.dsl().selectFrom(EXCHANGE_SHEET)
                .where(EXCHANGE_SHEET.IMPORT_ID.eq(importId).and(EXCHANGE_SHEET.POSITION.eq(position))).fetchOne();
        if (sheet == null) {
            return new ImportedRows("", List.of(), List.of(), 0);
        }
        List<String[]> rows = new ArrayList<>();
        tx.dsl().select(EXCHANGE_ROW.CELLS).from(EXCHANGE_ROW)
                .where(EXCHANGE_ROW.IMPORT_ID.eq(importId).and(EXCHANGE_ROW.POSITION.eq(position)))
                .orderBy(EXCHANGE_ROW.ROW_NO).offset(offset).limit(limit)
                .forEach(r -> rows.add(r.value1().split("\u001f", -1)));
        return new ImportedRows(sheet.getSheetName(), columns(sheet.getColumns()), rows, sheet.getRowCount());
    }

    private static List<ExportColumn> columns(String specs) {
        return java.util.Arrays.stream(specs.split(";")).map(ExportColumn::parseSpec).toList();
    }
}
