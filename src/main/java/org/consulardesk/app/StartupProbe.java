package org.consulardesk.app;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The startup benchmark's probe ({@code bench startup}). Only when the system property
 * {@value #PROPERTY} is {@code true}: once the first screen has been through one whole pulse after
 * {@code stage.show()} (CSS, layout and render), print {@value #PREFIX} and the milliseconds since
 * JVM start on standard output, then exit. Callers test the property themselves, with the constant,
 * so normal startup does not even load this class.
 */
public final class StartupProbe {
    public static final String PROPERTY = "consulardesk.bench.startup";
    public static final String PREFIX = "CONSULARDESK-SHOWN";

    private StartupProbe() {
    }

    /** Call on the FX thread right after the first {@code stage.show()}. */
    public static void afterShow() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // Frame 1 runs at the start of the pulse that styles, lays out and renders the new
                // window; frame 2 starts only once that pulse is done.
                if (++frames < 2) {
                    return;
                }
                stop();
                long before = System.nanoTime();
                long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
                long probeCost = (System.nanoTime() - before) / 1_000_000;
                System.out.println(PREFIX + " " + (uptime - probeCost));
                System.out.flush();
                Platform.exit();
            }
        }.start();
    }
}
