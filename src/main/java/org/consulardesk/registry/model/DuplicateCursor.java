package org.consulardesk.registry.model;

/**
 * Where the walk of the three blocking-key indexes stands (ADR 0065): the last document number,
 * phone and birth-and-sound key read; {@code null} once that index was read to its end.
 */
public record DuplicateCursor(String document, String phone, String birth) {
    /** Before the first key of each index (empty numbers and '-', no full date of birth, block nothing). */
    public static final DuplicateCursor START = new DuplicateCursor("", "", "-");

    public boolean finished() {
        return document == null && phone == null && birth == null;
    }
}
