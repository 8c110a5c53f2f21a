package org.consulardesk.etd.model;

/** The two 44-character lines of a TD3 machine-readable zone. */
public record Mrz(String line1, String line2) {
    @Override
    public String toString() {
        return line1 + "\n" + line2;
    }
}
