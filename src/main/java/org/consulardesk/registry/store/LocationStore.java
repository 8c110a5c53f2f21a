package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.VULNERABILITY;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Registrants by place, through the (latitude, longitude) index: a box is one index range on
 * latitude, filtered on longitude; grids are aggregated in SQL, so no query reads everyone.
 * Boxes here never cross the antimeridian (the service splits them).
 */
public final class LocationStore {

    private static Condition inBox(double south, double west, double north, double east) {
        return PERSON.LATITUDE.between(south, north).and(PERSON.LONGITUDE.between(west, east)).and(ActivePersons.only());
    }

    public List<LocationCell> grid(Tx tx, double south, double west, double north, double east, double cellDegrees) {
        Field<Long> row = DSL.floor(PERSON.LATITUDE.div(cellDegrees)).cast(SQLDataType.BIGINT).as("cell_row");
        Field<Long> column = DSL.floor(PERSON.LONGITUDE.div(cellDegrees)).cast(SQLDataType.BIGINT).as("cell_column");
        Field<Integer> count = DSL.count().as("n");
        Field<java.math.BigDecimal> lat = DSL.avg(PERSON.LATITUDE).as("lat");
        Field<java.math.BigDecimal> lon = DSL.avg(PERSON.LONGITUDE).as("lon");
        return tx.dsl().select(row, column, count, lat, lon).from(PERSON)
                .where(inBox(south, west, north, east))
                .groupBy(DSL.field(DSL.name("cell_row")), DSL.field(DSL.name("cell_column")))
                .fetch(r -> new LocationCell(r.get(row), r.get(column), r.get(count), r.get(lat).doubleValue(),
                        r.get(lon).doubleValue()));
    }

    public int count(Tx tx, double south, double west, double north, double east) {
        return tx.dsl().fetchCount(PERSON, inBox(south, west, north, east));
    }

    public List<LocatedPerson> inBox(Tx tx, double south, double west, double north, double east, int limit) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.LATITUDE, PERSON.LONGITUDE,
                        PERSON.HOUSEHOLD_ID, PERSON.PURPOSE)
                .from(PERSON).where(inBox(south, west, north, east)).limit(limit)
                .fetch(r -> new LocatedPerson(r.get(PERSON.ID), r.get(PERSON.FAMILY_NAME), r.get(PERSON.GIVEN_NAMES),
                        r.get(PERSON.LATITUDE), r.get(PERSON.LONGITUDE), r.get(PERSON.HOUSEHOLD_ID),
                        PurposeOfStay.valueOf(r.get(PERSON.PURPOSE))));
    }

    /** Vulnerability codes of the given persons (those without any are absent), read in batches. */
    public Map<Long, List<String>> vulnerabilities(Tx tx, Collection<Long> ids) {
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + 1000));
            tx.dsl().select(VULNERABILITY.PERSON_ID, VULNERABILITY.CODE).from(VULNERABILITY)
                    .where(VULNERABILITY.PERSON_ID.in(batch))
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        return out;
    }
}
