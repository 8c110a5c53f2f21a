package org.consulardesk.registry.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which source column (by its header name) fills which registration field. Fields without a
 * column stay empty.
 */
public record ColumnMapping(Map<IntakeField, String> columns) {
    public ColumnMapping {
        EnumMap<IntakeField, String> copy = new EnumMap<>(IntakeField.class);
        columns.forEach((field, column) -> {
            if (column != null && !column.isBlank()) {
                copy.put(field, column.strip());
            }
        });
        columns = Collections.unmodifiableMap(copy);
    }

    public static ColumnMapping empty() {
        return new ColumnMapping(Map.of());
    }

    public Optional<String> column(IntakeField field) {
        return Optional.ofNullable(columns.get(field));
    }

    public ColumnMapping with(IntakeField field, String column) {
        EnumMap<IntakeField, String> copy = new EnumMap<>(IntakeField.class);
        copy.putAll(columns);
        if (column == null || column.isBlank()) {
            copy.remove(field);
        } else {
            copy.put(field, column);
        }
        return new ColumnMapping(copy);
    }
}
