package org.consulardesk.etd.model;

/** Sex as written on the data page; in the MRZ, {@code X} (unspecified) is written as the filler {@code <}. */
public enum Sex {
    F('F'),
    M('M'),
    X('<');

    private final char mrz;

    Sex(char mrz) {
        this.mrz = mrz;
    }

    public char mrz() {
        return mrz;
    }

    public static Sex fromMrz(char c) {
        return switch (c) {
            case 'F' -> F;
            case 'M' -> M;
            case '<', 'X' -> X;
            default -> throw new IllegalArgumentException("sex");
        };
    }
}
