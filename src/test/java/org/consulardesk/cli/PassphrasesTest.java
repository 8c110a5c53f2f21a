package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.consulardesk.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphrasesTest {
    @TempDir
    Path dir;

    @Test
    void firstLineWithoutLineEndingOrBom() throws IOException {
        assertThat(Passphrases.firstLine(Files.writeString(dir.resolve("a"), "two words here\r\nsecond")))
                .containsExactly("two words here".toCharArray());
        assertThat(Passphrases.firstLine(Files.writeString(dir.resolve("b"), "\uFEFF  spaced  ")))
                .containsExactly("  spaced  ".toCharArray());
    }

    @Test
    void emptyFirstLineIsAUserError() throws IOException {
        Path empty = Files.writeString(dir.resolve("e"), "\nsecond line\n");
        assertThatThrownBy(() -> Passphrases.firstLine(empty)).isInstanceOf(UserError.class)
                .hasMessageContaining("first line");
    }

    @Test
    void fileBeatsEnvironmentBeatsPrompt() throws IOException {
        Path file = Files.writeString(dir.resolve("p"), "from file\n");
        Terminal t = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                name -> "from env", p -> "typed".toCharArray());
        assertThat(new String(Passphrases.forLogin(t, file, "u", false))).isEqualTo("from file");
        assertThat(new String(Passphrases.forLogin(t, null, "u", false))).isEqualTo("from env");
        Terminal noEnv = new Terminal(t.out(), t.err(), name -> null, p -> "typed".toCharArray());
        assertThat(new String(Passphrases.forLogin(noEnv, null, "u", false))).isEqualTo("typed");
    }

    @Test
    void tableShowsControlCharactersAsQuestionMarks() {
        StringWriter out = new StringWriter();
        Table.print(new PrintWriter(out), List.of(new String[] {"A", "B"}, new String[] {"x\u001b[31m", "y"}));
        assertThat(out.toString()).doesNotContain("\u001b").contains("x?[31m");
    }
}
