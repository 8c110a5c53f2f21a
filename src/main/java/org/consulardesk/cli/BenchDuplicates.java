package org.consulardesk.cli;

import java.util.ArrayList;
import java.util.List;
import org.consulardesk.registry.service.DuplicateService;
import org.consulardesk.registry.service.MergeService;
import org.consulardesk.security.service.Session;

/**
 * The duplicate search as the duplicates screen runs it (the first stretch of the walk of the
 * blocking-key indexes, up to 200 scored pairs, and the latest 50 merges; ADR 0065), against a raw
 * counterpart: the blocking self-joins of ADR 0040 as plain indexed SQL, 800 pairs each, no filters
 * and no scoring. The first search is reported on
 * its own: on a registry upgraded from before V19 it is the one that used to compute the keys.
 */
final class BenchDuplicates {
    /** What {@code DuplicatesView} asks for. */
    static final int SCREEN_LIMIT = 200;
    static final int MERGES_SHOWN = 50;
    /** Pairs per blocking key the service reads for {@link #SCREEN_LIMIT} candidates. */
    static final int RAW_PAIRS = SCREEN_LIMIT * 4;

    private BenchDuplicates() {
    }

    /** The first search alone, then {@code runs} runs alternating raw and screen, in milliseconds. */
    record Timings(List<Double> first, List<Double> screen, List<Double> raw) {
    }

    static Timings time(Session session, int runs) {
        DuplicateService duplicates = new DuplicateService(session);
        MergeService merges = new MergeService(session);
        List<Double> first = List.of(time(() -> screen(duplicates, merges)));
        List<Double> screenMs = new ArrayList<>();
        List<Double> rawMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            rawMs.add(time(() -> duplicates.rawPairs(RAW_PAIRS)));
            screenMs.add(time(() -> screen(duplicates, merges)));
        }
        return new Timings(first, screenMs, rawMs);
    }

    private static void screen(DuplicateService duplicates, MergeService merges) {
        duplicates.page(org.consulardesk.registry.model.DuplicateCursor.START, SCREEN_LIMIT);
        merges.merges(0, MERGES_SHOWN);
    }

    private static double time(Runnable run) {
        long t = System.nanoTime();
        run.run();
        return (System.nanoTime() - t) / 1e6;
    }
}
