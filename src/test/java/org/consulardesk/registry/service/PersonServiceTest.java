package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonServiceTest {
    @TempDir
    Path tmp;
    Session head;
    PersonService persons;

    @BeforeEach
    void setUp() {
        head = create(tmp.resolve("r")).session();
        persons = new PersonService(head);
    }

    @AfterEach
    void tearDown() {
        head.close();
    }

    @Test
    void registersAndReadsBack() {
        Person p = persons.register(new NewPerson("Okonkwo-Varg", "Ada Lise", 'F', "1984-07", "Kisumu", "KE",
                PurposeOfStay.STUDENT));
        assertThat(p.id()).isPositive();
        assertThat(p.version()).isEqualTo(1);
        assertThat(persons.search("okonkwo", 0, 10)).singleElement().isEqualTo(p);
    }

    @Test
    void searchIsACaseInsensitivePrefixMatchOnEitherName() {
        persons.register(person("Marlowe", "Teodor"));
        persons.register(person("Marchetti", "Anwen"));
        persons.register(person("Osei", "Marisol"));
        persons.register(person("Dumar", "Kestrel"));
        assertThat(persons.search("MAR", 0, 10)).extracting(Person::familyName)
                .containsExactly("Marchetti", "Marlowe", "Osei");
        assertThat(persons.count("mar")).isEqualTo(3);
        assertThat(persons.count("  marl ")).isEqualTo(1);
        assertThat(persons.count("")).isEqualTo(4);
        assertThat(persons.count(null)).isEqualTo(4);
        // LIKE wildcards typed by the user are not wildcards.
        assertThat(persons.count("%")).isEqualTo(4);
        assertThat(persons.count("_sei")).isZero(); // as a wildcard, "_sei%" would match "Osei"
        assertThat(persons.count("o_sei")).isEqualTo(1);
        assertThat(persons.count("m%w")).isZero();
    }

    @Test
    void pagesAreOrderedByName() {
        for (int i = 9; i >= 0; i--) {
            persons.register(person("Pagewell", "Given" + i));
        }
        assertThat(persons.search("pagewell", 0, 3)).extracting(Person::givenNames).containsExactly("Given0", "Given1", "Given2");
        assertThat(persons.search("pagewell", 8, 3)).extracting(Person::givenNames).containsExactly("Given8", "Given9");
    }

    @Test
    void validatesInput() {
        assertThat(userError(() -> persons.register(person(" ", "Ada"))).key()).isEqualTo("error.person.familyNameRequired");
        assertThat(userError(() -> persons.register(person(null, "Ada"))).key()).isEqualTo("error.person.familyNameRequired");
        assertThat(userError(() -> persons.register(person("Varg", null))).key()).isEqualTo("error.person.givenNamesRequired");
        for (String bad : new String[] {"84", "1984-7", "1984/07/01", "01.07.1984", "1984-07-01T00:00"}) {
            assertThat(userError(() -> persons.register(new NewPerson("Varg", "Ada", 'F', bad, null, null,
                    PurposeOfStay.OTHER))).key()).as(bad).isEqualTo("error.person.birthDate");
        }
        for (String good : new String[] {"1984", "1984-07", "1984-07-01"}) {
            persons.register(new NewPerson("Varg", "Ada", 'F', good, null, null, PurposeOfStay.OTHER));
        }
        persons.register(new NewPerson("Varg", "", 'X', null, null, null, PurposeOfStay.TOURIST));
        assertThat(persons.count("varg")).isEqualTo(4);
        // Refused registrations wrote nothing, not even an audit entry.
        assertThat(head.audit().count(new org.consulardesk.security.model.AuditFilter(null, "PERSON_ADDED", null, null,
                null))).isEqualTo(4);
    }
}
