package org.consulardesk.registry.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/** ISO 8601 dates that may be partial, as many registrants know only their year of birth. */
final class PartialDate {
    private PartialDate() {
    }

    /** {@code 1984}, {@code 1984-07} or {@code 1984-07-21}, and a date that exists (no 1984-13-45). */
    static boolean isValid(String text) {
        try {
            switch (text.length()) {
                case 4 -> {
                    return text.chars().allMatch(Character::isDigit) && Integer.parseInt(text) >= 1850;
                }
                case 7 -> {
                    return YearMonth.parse(text).getYear() >= 1850;
                }
                case 10 -> {
                    return LocalDate.parse(text).getYear() >= 1850;
                }
                default -> {
                    return false;
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }
}
