package org.consulardesk.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Loading millions of rows into tables with many secondary indexes rewrites encrypted index pages
 * at random; dropping those indexes first and building each in one sorted pass afterwards is an
 * order of magnitude faster. The definitions are kept in {@code deferred_index} before the drop,
 * so an interrupted load is repaired when the registry is next opened ({@link #restore}).
 * Indexes that back keys and constraints are never touched.
 */
public final class DeferredIndexes {
    private DeferredIndexes() {
    }

    /** Drops the plain secondary indexes of {@code tables}; returns how many were dropped. */
    public static int suspend(DSLContext dsl, List<String> tables) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> tableOf = new LinkedHashMap<>();
        for (Record r : dsl.fetch("select i.index_name, i.table_name, c.column_name, c.ordering_specification"
                + " from information_schema.indexes i join information_schema.index_columns c"
                + " on c.index_schema = i.index_schema and c.index_name = i.index_name and c.table_name = i.table_name"
                + " where i.table_schema = 'PUBLIC' and i.index_type_name = 'INDEX' and i.is_generated = false"
                + " and i.index_name not in (select k.index_name from information_schema.table_constraints k"
                + " where k.index_name is not null)"
                + " order by i.index_name, c.ordinal_position")) {
            String table = r.get(1, String.class);
            if (tables.stream().noneMatch(t -> t.equalsIgnoreCase(table))) {
                continue;
            }
            String index = r.get(0, String.class);
            tableOf.put(index, table);
            columns.computeIfAbsent(index, k -> new ArrayList<>())
                    .add(r.get(2, String.class) + ("DESC".equals(r.get(3, String.class)) ? " DESC" : ""));
        }
        for (Map.Entry<String, List<String>> e : columns.entrySet()) {
            String index = e.getKey();
            String ddl = "CREATE INDEX " + index + " ON " + tableOf.get(index) + " (" + String.join(", ", e.getValue()) + ")";
            dsl.execute("insert into deferred_index (index_name, ddl) values (?, ?)", index.toLowerCase(Locale.ROOT), ddl);
            dsl.execute("DROP INDEX " + index);
        }
        return columns.size();
    }

    /** Builds every index dropped by {@link #suspend} and not yet rebuilt; returns how many. */
    public static int restore(DSLContext dsl) {
        List<Record> pending = List.copyOf(dsl.fetch("select index_name, ddl from deferred_index order by index_name"));
        for (Record r : pending) {
            dsl.execute(r.get(1, String.class).replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
            dsl.execute("delete from deferred_index where index_name = ?", r.get(0, String.class));
        }
        return pending.size();
    }
}
