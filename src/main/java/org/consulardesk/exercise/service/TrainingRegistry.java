package org.consulardesk.exercise.service;

import java.nio.file.Path;
import java.time.Clock;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.model.RegistryKind;

/**
 * The training registry: a post of Utopia (ICAO code UTO, the specimen state of ICAO Doc 9303) in
 * Nairobi, with synthetic registrants only
 * ({@link SampleData}: Utopia nationals in several host countries). Its passphrases are published in the documentation on
 * purpose: it holds no real person's data and trainers hand it to every participant.
 */
public final class TrainingRegistry {
    public static final String TRAINER = "trainer";
    public static final String PASSPHRASE = "utopia tabletop exercise only";
    public static final String POST_NAME = "Embassy of Utopia in Nairobi (training)";
    /** Near-duplicate registrations added after the sample persons, for the duplicates screen. */
    public static final int DUPLICATES = 6;

    private TrainingRegistry() {
    }

    /** Creates a training registry with {@code people} synthetic registrants; the seed makes it repeatable. */
    public static Session create(Path dir, int people, long seed, KdfParams params, Path stateDir, Clock clock) {
        Session session = new RegistryCreator(params, clock).create(new RegistryCreator.Request(dir, RegistryKind.TRAINING,
                POST_NAME, "KE", TRAINER, "Training lead", PASSPHRASE.toCharArray())).session();
        UserService users = new UserService(session, stateDir, params);
        users.add("officer1", "Training officer", Role.CONSULAR_OFFICER, PASSPHRASE.toCharArray());
        users.add("surge1", "Training surge staff", Role.SURGE_STAFF, PASSPHRASE.toCharArray());
        int written = SampleData.generate(session, people, seed, org.consulardesk.core.ProgressSink.NONE);
        SampleDuplicates.add(session, written, DUPLICATES, seed);
        org.consulardesk.bonds.service.SampleBonds.add(session);
        return session;
    }

}
