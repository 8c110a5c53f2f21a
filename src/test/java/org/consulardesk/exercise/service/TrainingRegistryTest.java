package org.consulardesk.exercise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.FAST;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.model.RegistryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRegistryTest {
    @TempDir
    Path tmp;

    @Test
    void createsASyntheticTrainingPostWithItsStaff() {
        Path state = tmp.resolve("state");
        List<Person> first;
        try (Session trainer = TrainingRegistry.create(tmp.resolve("a"), 40, 42L, FAST, state, Clock.systemUTC())) {
            assertThat(trainer.descriptor().kind()).isEqualTo(RegistryKind.TRAINING);
            assertThat(trainer.descriptor().postName()).isEqualTo(TrainingRegistry.POST_NAME);
            PersonService persons = new PersonService(trainer);
            assertThat(persons.count(null)).as("40 sample persons and their near-duplicates").isEqualTo(40 + TrainingRegistry.DUPLICATES);
            first = persons.search(null, 0, 100);
            assertThat(first).allSatisfy(p -> {
                assertThat(p.countryCode()).isIn("KE", "AE", "SA", "QA", "DE", "GB", "TZ", "UG", "IT");
                assertThat(p.birthDate()).matches("\\d{4}(-\\d{2}-\\d{2})?");
            });
            assertThat(new UserService(trainer, state, FAST).list()).extracting(UserAccount::username, UserAccount::role)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("trainer", Role.HEAD_OF_POST),
                            org.assertj.core.groups.Tuple.tuple("officer1", Role.CONSULAR_OFFICER),
                            org.assertj.core.groups.Tuple.tuple("surge1", Role.SURGE_STAFF));
        }
        // The same seed gives the same people.
        try (Session again = TrainingRegistry.create(tmp.resolve("b"), 40, 42L, FAST, state, Clock.systemUTC())) {
            List<Person> second = new PersonService(again).search(null, 0, 100);
            assertThat(second).extracting(Person::familyName, Person::givenNames, Person::birthDate, Person::city)
                    .containsExactlyElementsOf(first.stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                            p.familyName(), p.givenNames(), p.birthDate(), p.city())).toList());
        }
        // Participants log in with the published passphrase; surge staff cannot register anyone.
        LoginService login = new LoginService(state, Clock.systemUTC(), millis -> { });
        try (Session surge = login.login(tmp.resolve("a"), "surge1", TrainingRegistry.PASSPHRASE.toCharArray())) {
            assertThat(userError(() -> new PersonService(surge).register(
                    new org.consulardesk.registry.model.NewPerson("Abara", "Mira", 'F', "1990", "Nairobi", "KE",
                            org.consulardesk.registry.model.PurposeOfStay.TOURIST))).key())
                    .isEqualTo("error.permission.denied");
        }
    }
}
