package org.consulardesk.exchange.model;

import java.time.LocalDate;

/**
 * One crisis (a hotspot a post reported) over the current imports: the registrants inside it summed
 * over the posts that report a crisis of that name. Type and severity are the gravest any post gave;
 * validity spans all of them.
 */
public record CrisisTotal(String crisis, String type, String severity, LocalDate validFrom, LocalDate validTo, int posts,
                          long persons) {
}
