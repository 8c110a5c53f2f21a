package org.consulardesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of {@code bench startup}: milliseconds from JVM start to the first usable window, for
 * the bare JavaFX window and for the application, run after run. Pure arithmetic, no timing here.
 */
record StartupFigures(List<Long> bare, List<Long> app) {
    /** The goal of the issue: the application within 1.5 times the bare window. */
    static final double GOAL = 1.5;

    /** The probe's line; the prefix is StartupProbe.PREFIX (the app package is not imported here). */
    private static final Pattern SHOWN = Pattern.compile("^CONSULARDESK-SHOWN (\\d{1,12})\\s*$");

    StartupFigures {
        bare = List.copyOf(bare);
        app = List.copyOf(app);
    }

    /** The milliseconds of the first probe line in a child's standard output, if any. */
    static OptionalLong parseShown(List<String> lines) {
        for (String line : lines) {
            Matcher m = SHOWN.matcher(line);
            if (m.matches()) {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            }
        }
        return OptionalLong.empty();
    }

    /** The median; for an even count, the mean of the two middle values. */
    static double median(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /** Median of the application over median of the bare window. */
    double ratio() {
        return median(app) / median(bare);
    }

    /** Minimum over minimum: the least disturbed run of each, steadier when the machine is busy. */
    double ratioOfMinimums() {
        return (double) min(app) / min(bare);
    }

    boolean goalMet() {
        return ratio() <= GOAL;
    }

    /** Milliseconds as printed: whole numbers, halves kept for an even median; no grouping. */
    static String millis(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
