package org.consulardesk.exchange.service;

import java.util.List;
import java.util.Locale;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.RegistryFilter;

/**
 * The filters the registry profiles accept: {@code city}, {@code district}, {@code purpose}; the full
 * export also an area ({@link AreaFilter#NAMES}).
 */
final class RegistryFilters {
    static final List<String> NAMES = List.of("city", "district", "purpose");
    static final List<String> NAMES_WITH_AREA = java.util.stream.Stream.concat(NAMES.stream(), AreaFilter.NAMES.stream()).toList();

    private RegistryFilters() {
    }

    static RegistryFilter of(ExportContext context) {
        return of(context, NAMES);
    }

    static RegistryFilter of(ExportContext context, List<String> accepted) {
        for (String name : context.filters().keySet()) {
            if (!accepted.contains(name)) {
                throw new UserError("error.exchange.unknownFilter", name, String.join(", ", accepted));
            }
        }
        String purpose = context.filter("purpose");
        PurposeOfStay p = null;
        if (purpose != null) {
            try {
                p = PurposeOfStay.valueOf(purpose.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("error.exchange.badPurpose", purpose);
            }
        }
        return new RegistryFilter(context.filter("city"), context.filter("district"), p);
    }
}
