package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL in the middle of its work, several times on the same
 * registry: every transaction it reported as committed must be there, and the audit chain intact.
 */
class CrashSafetyTest {
    private static final int ROUNDS = 3;
    private static final int COMMITS_BEFORE_KILL = 50;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // guards against a hang only; nothing is timed
    void committedWorkSurvivesAKilledProcess() throws Exception {
        Path dir = tmp.resolve("registry");
        Path state = tmp.resolve("state");
        createClosed(dir);
        Set<Long> committed = new LinkedHashSet<>();

        for (int round = 1; round <= ROUNDS; round++) {
            List<Long> printed = runAndKill(dir, state, round);
            assertThat(printed).as("round %d commits", round).hasSizeGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);
            committed.addAll(printed);

            try (Session head = loginHead(dir, state)) {
                PersonService persons = new PersonService(head);
                int count = persons.count("Crashford");
                assertThat(count).isGreaterThanOrEqualTo(committed.size());
                Set<Long> present = new LinkedHashSet<>();
                persons.search("Crashford", 0, count + 10).stream().map(Person::id).forEach(present::add);
                assertThat(present).as("round %d", round).containsAll(committed);
                assertThat(head.audit().verify().ok()).as("audit chain after round %d", round).isTrue();
            }
        }
    }

    private List<Long> runAndKill(Path dir, Path state, int round) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-XX:TieredStopAtLevel=1",
                "-cp", classPath, CrashWriter.class.getName(),
                dir.toString(), state.toString(), HEAD, PASSPHRASE, Integer.toString(round));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        List<Long> ids = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (ids.size() < COMMITS_BEFORE_KILL && (line = reader.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    ids.add(Long.parseLong(line.substring("COMMITTED ".length()).trim()));
                } else if (other.size() < 200) {
                    other.add(line);
                }
            }
            // SIGKILL on Linux: no shutdown hook, no H2 close, nothing flushed by the JVM.
            process.destroyForcibly();
            process.waitFor();
        } finally {
            process.destroyForcibly();
        }
        assertThat(ids).as("child output:%n%s", String.join("\n", other)).hasSizeGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);
        return ids;
    }
}
