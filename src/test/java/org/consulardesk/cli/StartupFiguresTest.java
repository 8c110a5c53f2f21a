package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.consulardesk.app.BareWindow;
import org.consulardesk.app.Launcher;
import org.consulardesk.app.StartupProbe;
import org.junit.jupiter.api.Test;

/** The arithmetic and parsing of {@code bench startup}; no timing is asserted here. */
class StartupFiguresTest {

    @Test
    void parsesTheFirstProbeLineAmongOtherOutput() {
        assertThat(StartupFigures.parseShown(List.of("WARNING: Unsupported JavaFX configuration",
                "CONSULARDESK-SHOWN 1234", "CONSULARDESK-SHOWN 99"))).hasValue(1234);
        assertThat(StartupFigures.parseShown(List.of("CONSULARDESK-SHOWN 812  "))).hasValue(812);
    }

    @Test
    void ignoresMissingOrMalformedProbeLines() {
        assertThat(StartupFigures.parseShown(List.of())).isEmpty();
        assertThat(StartupFigures.parseShown(List.of("CONSULARDESK-SHOWN", "CONSULARDESK-SHOWN -5",
                "CONSULARDESK-SHOWN 1.5", "x CONSULARDESK-SHOWN 10", "CONSULARDESK-SHOWN 10 ms"))).isEmpty();
    }

    @Test
    void medianOfOddAndEvenCountsIgnoresOrder() {
        assertThat(StartupFigures.median(List.of(900L, 400L, 500L))).isEqualTo(500.0);
        assertThat(StartupFigures.median(List.of(7L))).isEqualTo(7.0);
        assertThat(StartupFigures.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2.5);
        assertThatThrownBy(() -> StartupFigures.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minimum() {
        assertThat(StartupFigures.min(List.of(420L, 398L, 455L))).isEqualTo(398L);
    }

    @Test
    void ratioOfMediansAndTheGoal() {
        StartupFigures within = new StartupFigures(List.of(400L, 420L, 410L, 2000L, 405L),
                List.of(600L, 590L, 9000L, 610L, 605L));
        assertThat(within.ratio()).isEqualTo(605.0 / 410.0);
        assertThat(within.goalMet()).isTrue();
        assertThat(within.ratioOfMinimums()).isEqualTo(590.0 / 400.0);

        StartupFigures exactly = new StartupFigures(List.of(400L), List.of(600L));
        assertThat(exactly.ratio()).isEqualTo(1.5);
        assertThat(exactly.goalMet()).isTrue();

        StartupFigures beyond = new StartupFigures(List.of(400L, 400L), List.of(601L, 601L));
        assertThat(beyond.goalMet()).isFalse();
    }

    @Test
    void formatsWithoutGroupingWhateverTheLocale() {
        assertThat(StartupFigures.millis(12345.0)).isEqualTo("12345");
        assertThat(StartupFigures.millis(402.5)).isEqualTo("402.5");
        assertThat(StartupFigures.times(605.0 / 410.0)).isEqualTo("1.48x");
    }

    @Test
    void childCommandUsesThisJavaAndClassPathAndPassesDisplayFlagsOn() {
        String previous = System.getProperty("prism.order");
        System.setProperty("prism.order", "sw");
        try {
            List<String> command = BenchCommand.Startup.command(BenchCommand.Startup.BARE_MAIN, Path.of("run-1"));
            assertThat(command.get(0)).startsWith(System.getProperty("java.home"));
            assertThat(command).contains("-Dprism.order=sw", "-Dconsulardesk.bench.startup=true",
                    "-Dconsulardesk.statedir=" + Path.of("run-1", "state"));
            assertThat(command.subList(command.size() - 3, command.size()))
                    .containsExactly("-cp", System.getProperty("java.class.path"), BenchCommand.Startup.BARE_MAIN);
        } finally {
            if (previous == null) {
                System.clearProperty("prism.order");
            } else {
                System.setProperty("prism.order", previous);
            }
        }
    }

    @Test
    void namesMatchTheAppPackage() {
        // The cli package names these by string so that running a command never loads them.
        assertThat(BenchCommand.Startup.PROBE_PROPERTY).isEqualTo(StartupProbe.PROPERTY);
        assertThat(BenchCommand.Startup.APP_MAIN).isEqualTo(Launcher.class.getName());
        assertThat(BenchCommand.Startup.BARE_MAIN).isEqualTo(BareWindow.class.getName());
        assertThat(StartupFigures.parseShown(List.of(StartupProbe.PREFIX + " 5"))).hasValue(5);
    }

    @Test
    void recognisesAMissingDisplay() {
        assertThat(BenchCommand.Startup.noDisplay(
                "Exception in thread \"main\" java.lang.UnsupportedOperationException: Unable to open DISPLAY")).isTrue();
        assertThat(BenchCommand.Startup.noDisplay("(java:123): Gtk-WARNING **: cannot open display: :99")).isTrue();
        assertThat(BenchCommand.Startup.noDisplay("WARNING: Unsupported JavaFX configuration")).isFalse();
    }
}
