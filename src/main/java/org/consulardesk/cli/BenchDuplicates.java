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
 * and no scoring. The first search after opening is reported on its own, as the screen runs it: its
 * first page (a stretch stopped at 50 pairs or 150 ms), then the rest of the 200 and the latest 50
 * merges read behind that page.
 */
final class BenchDuplicates {
    /** What {@code DuplicatesView} asks for. */
    static final int SCREEN_LIMIT = 200;
    static final int MERGES_SHOWN = 50;
    /** Pairs per blocking key the service reads for {@link #SCREEN_LIMIT} candidates. */
    static final int RAW_PAIRS = SCREEN_LIMIT * 4;

    private BenchDuplicates() {
    }

    /** The first page the screen shows after opening. */
    static final int SCREEN_FIRST_PAGE = 50;

    /**
     * The first search alone (its first page, then the rest of its first stretch read behind it, as
     * the screen does), with the pairs each found, then {@code runs} runs alternating raw and screen,
     * in milliseconds.
     */
    record Timings(List<Double> rules, List<Double> first, List<Double> firstRest, int firstPairs, int restPairs,
                   List<Double> screen, List<Double> raw) {
    }

    static Timings time(Session session, int runs) {
        DuplicateService duplicates = new DuplicateService(session);
        MergeService merges = new MergeService(session);
        org.consulardesk.registry.model.DuplicatePage[] firstPage = new org.consulardesk.registry.model.DuplicatePage[2];
        // The application loads the transliteration rules in the background at sign-in (NameKeys.warmUp).
        List<Double> rules = List.of(time(org.consulardesk.registry.service.NameKeys::warmUp));
        List<Double> first = List.of(time(() -> firstPage[0] = duplicates.firstPage(SCREEN_FIRST_PAGE)));
        List<Double> firstRest = List.of(time(() -> {
            firstPage[1] = firstPage[0].more()
                    ? duplicates.page(firstPage[0].next(), Math.max(1, SCREEN_LIMIT - firstPage[0].candidates().size()))
                    : firstPage[0];
            merges.merges(0, MERGES_SHOWN);
        }));
        List<Double> screenMs = new ArrayList<>();
        List<Double> rawMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            rawMs.add(time(() -> duplicates.rawPairs(RAW_PAIRS)));
            screenMs.add(time(() -> screen(duplicates, merges)));
        }
        return new Timings(rules, first, firstRest, firstPage[0].candidates().size(),
                firstPage[1] == firstPage[0] ? 0 : firstPage[1].candidates().size(), screenMs, rawMs);
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
