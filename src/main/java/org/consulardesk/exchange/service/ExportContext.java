package org.consulardesk.exchange.service;

import java.util.Map;
import org.consulardesk.security.service.Session;

/**
 * What a profile's row sources get: the session (for permissions and services), the filters the
 * user chose ({@code name -> value}, e.g. {@code city -> Mombasa}) and whether sensitive fields
 * may be included at all (profile and role allow it; each person's consent is checked per row).
 */
public record ExportContext(Session session, Map<String, String> filters, boolean sensitiveAllowed) {
    public ExportContext {
        filters = Map.copyOf(filters);
    }

    public String filter(String name) {
        String value = filters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
