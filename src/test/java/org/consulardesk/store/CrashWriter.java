package org.consulardesk.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;

/**
 * Child process of {@link CrashSafetyTest}: logs in and registers synthetic citizens of Utopia until
 * it is killed, printing {@code COMMITTED <id>} after each committed transaction.
 * Arguments: registry folder, state folder, user name, passphrase, round.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Path state = Path.of(args[1]);
        String round = args[4];
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        Session session = new LoginService(state, Clock.systemUTC(), millis -> { }).login(dir, args[2], args[3].toCharArray());
        PersonService persons = new PersonService(session);
        out.println("READY");
        out.flush();
        for (long i = 0; ; i++) {
            Person p = persons.register(new NewPerson("Crashford", "Round" + round + " No" + i, 'X', "1970",
                    "Mombasa", "KE", PurposeOfStay.WORKER));
            out.println("COMMITTED " + p.id());
            out.flush();
        }
    }
}
