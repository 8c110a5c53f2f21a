package org.consulardesk.registry.model;

/**
 * Where the walk of the three blocking-key indexes stands (ADR 0065): the last document number,
 * phone and birth-and-sound key read; {@code null} once that index was read to its end.
 */
public record DuplicateCursor(String document, String phone, String birth) {
    /**
     * Before the first key of each index (empty numbers and '-', no full date of birth, block
     * nothing). The birth walk starts after '.', which sorts right after '-' and before every date:
     * the index seek then lands past all the '-' entries, where "after '-'" walked through them
     * (400 ms cold at 2,000,000 persons against 24 ms, the same 500 keys).
     */
    public static final DuplicateCursor START = new DuplicateCursor("", "", ".");

    public boolean finished() {
        return document == null && phone == null && birth == null;
    }
}
