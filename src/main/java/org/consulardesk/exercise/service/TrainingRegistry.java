package org.consulardesk.exercise.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.model.RegistryKind;

/**
 * The training registry: a post of Utopia (ICAO code UTO, the specimen state of ICAO Doc 9303) in
 * Nairobi, with synthetic registrants only. Its passphrases are published in the documentation on
 * purpose: it holds no real person's data and trainers hand it to every participant.
 */
public final class TrainingRegistry {
    public static final String TRAINER = "trainer";
    public static final String PASSPHRASE = "utopia tabletop exercise only";
    public static final String POST_NAME = "Embassy of Utopia in Nairobi (training)";

    private static final List<String> FAMILY = List.of("Abara", "Belloni", "Castellan", "Dorrego", "Eskandar",
            "Farrow", "Galanis", "Haverkamp", "Ilunga", "Juarez", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura",
            "Oyelaran", "Petrossian", "Quispe", "Rahimi", "Salazar", "Takahashi", "Ulloa", "Varga", "Wekesa", "Zoric");
    private static final List<String> GIVEN = List.of("Amara", "Bruno", "Chiara", "Dario", "Elif", "Femi", "Greta",
            "Hamid", "Ines", "Jonas", "Kamala", "Luca", "Mira", "Nikolai", "Olga", "Pavel", "Rosa", "Sami", "Tamar",
            "Yusuf");
    private static final List<String> CITIES = List.of("Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Malindi");

    private TrainingRegistry() {
    }

    /** Creates a training registry with {@code people} synthetic registrants; the seed makes it repeatable. */
    public static Session create(Path dir, int people, long seed, KdfParams params, Path stateDir, Clock clock) {
        Session session = new RegistryCreator(params, clock).create(new RegistryCreator.Request(dir, RegistryKind.TRAINING,
                POST_NAME, "KE", TRAINER, "Training lead", PASSPHRASE.toCharArray())).session();
        UserService users = new UserService(session, stateDir, params);
        users.add("officer1", "Training officer", Role.CONSULAR_OFFICER, PASSPHRASE.toCharArray());
        users.add("surge1", "Training surge staff", Role.SURGE_STAFF, PASSPHRASE.toCharArray());
        Random random = new Random(seed);
        PersonService persons = new PersonService(session);
        PurposeOfStay[] purposes = PurposeOfStay.values();
        List<NewPerson> batch = new java.util.ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            int year = 1950 + random.nextInt(55);
            String birth = random.nextInt(10) == 0 ? Integer.toString(year)
                    : String.format("%04d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            batch.add(new NewPerson(pick(FAMILY, random), pick(GIVEN, random), random.nextBoolean() ? 'F' : 'M',
                    birth, pick(CITIES, random), "KE", purposes[random.nextInt(purposes.length)]));
        }
        persons.registerAll(batch);
        return session;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
