package org.consulardesk.registry.model;

import java.time.LocalDate;

/** Who employs the person and which agency recruited them (organisation ids, shared with bonds). */
public record Employment(Long employerId, Long agencyId, String sector, String workplace, LocalDate contractStart,
                         LocalDate contractEnd) {
}
