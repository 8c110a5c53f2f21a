package org.consulardesk.exercise.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactLocation;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.EmergencyContact;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.BulkRegistrations;
import org.consulardesk.registry.service.NameKeys;
import org.consulardesk.security.service.Session;

/**
 * Synthetic nationals of Utopia abroad, the same for the same seed: names of several cultures and
 * scripts, real host cities, households, documents, employers, vulnerabilities and consents.
 * Written in batches of {@link #BATCH} persons, one transaction and one audit entry each, so memory
 * stays bounded whatever the number of persons.
 */
public final class SampleData {
    public static final String AUDIT_ACTION = "SAMPLE_DATA_ADDED";
    static final int BATCH = 10_000;
    /** From this many persons, indexes are built once after loading instead of row by row. */
    static final int DEFER_INDEXES_FROM = 50_000;

    /** A culture's names: Latin transliteration and (when another script) the original spelling. */
    private record Culture(String[][] family, String[][] female, String[][] male, String language) {
    }

    private static String[][] n(String... pairs) {
        String[][] out = new String[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = pairs[i].split("\\|", -1);
        }
        return out;
    }

    private static final Culture[] CULTURES = {
        new Culture(n("Ødegård", "Bjørnstad", "Løvås", "Håkonsen", "Sæther", "Lindqvist", "Åberg", "Strøm", "Johansen", "Halvorsen",
                        "Kristiansen", "Mørk", "Berge", "Nygård", "Fjeld", "Dahl", "Solberg", "Haugen", "Eriksson", "Sjöberg"),
                n("Ingrid", "Åse", "Kjersti", "Sigrid", "Solveig", "Astrid", "Ragnhild", "Liv", "Maren", "Tuva"),
                n("Søren", "Bjørn", "Håkon", "Øystein", "Lars", "Magnus", "Torbjørn", "Eirik", "Anders", "Jørgen"), "no"),
        new Culture(n("García", "Núñez", "Gonçalves", "Peña", "Ibáñez", "Fernández", "Muñoz", "Conceição", "Rodríguez", "López",
                        "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz", "Álvarez", "Romero", "Ortega", "Castaño", "Magalhães"),
                n("María José", "Inês", "Lucía", "Begoña", "Conceição", "Carmen", "Pilar", "Guadalupe", "Rocío", "Leonor"),
                n("José", "João", "Andrés", "Iñigo", "Tomás", "Álvaro", "Joaquín", "Rubén", "Gonçalo", "Sebastián"), "es"),
        new Culture(n("Wiśniewski", "Dvořák", "Çelik", "Öztürk", "Yılmaz", "Kowalczyk", "Nováková", "Şahin", "Kamiński", "Lewandowski",
                        "Zieliński", "Szymański", "Novák", "Svoboda", "Doğan", "Kılıç", "Aydın", "Özdemir", "Procházka", "Kučera"),
                n("Zofia", "Ayşe", "Małgorzata", "Gülşen", "Alžběta", "Agnieszka", "Zeynep", "Kateřina", "Elif", "Jadwiga"),
                n("Łukasz", "Mehmet", "Jiří", "Ömer", "Wojciech", "Paweł", "Mustafa", "Tomáš", "Emre", "Grzegorz"), "pl"),
        new Culture(n("Ivanov|Иванов", "Smirnov|Смирнов", "Kuznetsov|Кузнецов", "Popov|Попов", "Sokolov|Соколов",
                        "Volkov|Волков", "Morozov|Морозов", "Lebedev|Лебедев", "Kozlov|Козлов", "Novikov|Новиков", "Fedorov|Фёдоров",
                        "Orlov|Орлов", "Pavlov|Павлов", "Semyonov|Семёнов", "Vasiliev|Васильев", "Zaitsev|Зайцев"),
                n("Olga|Ольга", "Anna|Анна", "Tatiana|Татьяна", "Yekaterina|Екатерина", "Natalia|Наталья", "Svetlana|Светлана",
                        "Irina|Ирина", "Yulia|Юлия", "Darya|Дарья"),
                n("Pavel|Павел", "Dmitry|Дмитрий", "Sergei|Сергей", "Alexei|Алексей", "Nikolai|Николай", "Andrei|Андрей",
                        "Mikhail|Михаил", "Yuri|Юрий", "Ivan|Иван"), "ru"),
        new Culture(n("Haddad|حداد", "Khalil|خليل", "Mansour|منصور", "Nasser|ناصر", "Saleh|صالح", "Hamdan|حمدان",
                        "Aziz|عزيز", "Farouk|فاروق", "Ibrahim|إبراهيم", "Hassan|حسن", "Jaber|جابر", "Qasim|قاسم", "Sabbagh|صباغ",
                        "Darwish|درويش", "Najjar|نجار", "Khoury|خوري"),
                n("Fatima|فاطمة", "Layla|ليلى", "Amira|أميرة", "Noor|نور", "Mariam|مريم", "Huda|هدى", "Salma|سلمى",
                        "Rania|رانيا", "Zainab|زينب"),
                n("Ahmed|أحمد", "Omar|عمر", "Youssef|يوسف", "Khaled|خالد", "Mohamed|محمد", "Tariq|طارق", "Samir|سمير",
                        "Karim|كريم", "Bilal|بلال"), "ar"),
        new Culture(n("Papadopoulos|Παπαδόπουλος", "Georgiou|Γεωργίου", "Nikolaidis|Νικολαΐδης", "Pappas|Παππάς",
                        "Konstantinou|Κωνσταντίνου", "Dimitriou|Δημητρίου", "Vlachos|Βλάχος", "Angelopoulos|Αγγελόπουλος",
                        "Karagiannis|Καραγιάννης", "Oikonomou|Οικονόμου", "Makris|Μακρής"),
                n("Eleni|Ελένη", "Maria|Μαρία", "Sofia|Σοφία", "Katerina|Κατερίνα", "Despina|Δέσποινα", "Vasiliki|Βασιλική"),
                n("Nikos|Νίκος", "Giorgos|Γιώργος", "Dimitris|Δημήτρης", "Yannis|Γιάννης", "Kostas|Κώστας", "Stavros|Σταύρος"), "el"),
        new Culture(n("Tesfaye|ተስፋዬ", "Girma|ግርማ", "Bekele|በቀለ", "Alemu|አለሙ", "Haile|ኃይሌ", "Tadesse|ታደሰ"),
                n("Meseret|መሰረት", "Selam|ሰላም", "Tigist|ትዕግስት", "Hirut|ሂሩት"),
                n("Abebe|አበበ", "Dawit|ዳዊት", "Yohannes|ዮሐንስ", "Solomon|ሰሎሞን"), "am"),
        new Culture(n("Sharma|शर्मा", "Patel|पटेल", "Singh|सिंह", "Gupta|गुप्ता", "Verma|वर्मा", "Iyer|अय्यर", "Mehta|मेहता",
                        "Joshi|जोशी", "Kapoor|कपूर", "Malhotra|मल्होत्रा", "Reddy|रेड्डी", "Nair|नायर"),
                n("Priya|प्रिया", "Anjali|अंजलि", "Sunita|सुनीता", "Kavya|काव्या", "Pooja|पूजा", "Neha|नेहा", "Deepa|दीपा"),
                n("Rahul|राहुल", "Arjun|अर्जुन", "Vikram|विक्रम", "Sanjay|संजय", "Amit|अमित", "Ravi|रवि", "Suresh|सुरेश"), "hi"),
        new Culture(n("Okonkwo", "Adeyemi", "Okafor", "Mwangi", "Otieno", "Kamau", "Wanjiru", "Nwosu", "Achieng", "Oduya", "Mutua",
                        "Kiprono", "Chebet", "Odhiambo", "Balogun", "Eze", "Nnamdi", "Mensah", "Owusu", "Banda", "Phiri", "Mbeki"),
                n("Ngozi", "Wanjiku", "Chiamaka", "Amara", "Nyambura", "Akinyi", "Adaeze", "Abena", "Zawadi", "Nkechi"),
                n("Chidi", "Emeka", "Kipchoge", "Tunde", "Baraka", "Kwame", "Juma", "Obinna", "Kofi", "Tendai"), "sw"),
        new Culture(n("Santos", "Reyes", "Dela Cruz", "Wijaya", "Santoso", "Bautista", "Villanueva", "Gunawan", "Mendoza", "Aquino",
                        "Ramos", "Garcia", "Tan", "Lim", "Hidayat", "Kusuma", "Saputra", "Pangilinan"),
                n("Maria Cristina", "Siti", "Rosario", "Dewi", "Ligaya", "Putri", "Angelica", "Ayu"),
                n("Jose Miguel", "Budi", "Rizal", "Antonio", "Agus", "Ramon", "Eduardo", "Hendra"), "tl"),
    };

    /** Real host cities with WGS 84 centres, districts and mobile prefixes of their countries. */
    private record City(String name, String country, double lat, double lon, String[] districts, String mobile, int digits) {
    }

    private static City c(String name, String country, double lat, double lon, String mobile, int digits, String... districts) {
        return new City(name, country, lat, lon, districts, mobile, digits);
    }

    private static final City[] CITIES = {
        c("Nairobi", "KE", -1.2864, 36.8172, "2547", 8, "Westlands", "Kilimani", "Eastleigh", "Kibera", "Karen"),
        c("Mombasa", "KE", -4.0435, 39.6682, "2547", 8, "Nyali", "Old Town", "Likoni"),
        c("Kisumu", "KE", -0.0917, 34.7680, "2547", 8, "Milimani", "Nyalenda"),
        c("Nakuru", "KE", -0.3031, 36.0800, "2547", 8, "Milimani", "Lanet"),
        c("Dubai", "AE", 25.2048, 55.2708, "9715", 8, "Deira", "Bur Dubai", "Al Barsha", "Jumeirah"),
        c("Abu Dhabi", "AE", 24.4539, 54.3773, "9715", 8, "Al Khalidiyah", "Mussafah"),
        c("Sharjah", "AE", 25.3463, 55.4209, "9715", 8, "Al Nahda", "Al Majaz"),
        c("Riyadh", "SA", 24.7136, 46.6753, "9665", 8, "Al Olaya", "Al Malaz", "Batha"),
        c("Jeddah", "SA", 21.4858, 39.1925, "9665", 8, "Al Balad", "Al Rawdah"),
        c("Dammam", "SA", 26.4207, 50.0888, "9665", 8, "Al Faisaliyah", "Al Shati"),
        c("Doha", "QA", 25.2854, 51.5310, "9745", 7, "Al Sadd", "Msheireb", "Industrial Area"),
        c("Berlin", "DE", 52.5200, 13.4050, "4915", 9, "Mitte", "Neukölln", "Kreuzberg"),
        c("Munich", "DE", 48.1351, 11.5820, "4915", 9, "Schwabing", "Sendling"),
        c("Hamburg", "DE", 53.5511, 9.9937, "4915", 9, "Altona", "St. Georg"),
        c("London", "GB", 51.5074, -0.1278, "447", 9, "Camden", "Hackney", "Southwark", "Newham"),
        c("Manchester", "GB", 53.4808, -2.2426, "447", 9, "Moss Side", "Ancoats"),
        c("Dar es Salaam", "TZ", -6.7924, 39.2083, "2557", 8, "Kariakoo", "Msasani", "Kinondoni"),
        c("Arusha", "TZ", -3.3869, 36.6830, "2557", 8, "Kaloleni", "Sekei"),
        c("Kampala", "UG", 0.3476, 32.5825, "2567", 8, "Kololo", "Nakasero", "Kawempe"),
        c("Entebbe", "UG", 0.0512, 32.4637, "2567", 8, "Kitoro", "Katabi"),
        c("Rome", "IT", 41.9028, 12.4964, "393", 9, "Trastevere", "Esquilino"),
        c("Milan", "IT", 45.4642, 9.1900, "393", 9, "Brera", "Navigli", "Isola"),
    };

    private static final String[] SECTORS = {"Construction", "Domestic work", "Hospitality", "Health care", "Retail",
        "Transport", "Agriculture", "Security", "Education", "IT"};
    private static final String[] COMPANY_WORDS = {"Al Noor", "Savannah", "Horizon", "Crescent", "Baobab", "Northgate",
        "Silverline", "Atlas", "Meridian", "Kilima", "Falcon", "Harbour", "Oasis", "Summit", "Lakeside"};
    private static final String[] COMPANY_KINDS = {"Construction LLC", "Hotels Ltd", "Facilities Services", "Logistics",
        "Medical Centre", "Trading Co.", "Farms", "Security Services", "Cleaning Services", "Retail Group"};

    private SampleData() {
    }

    /** The centres (latitude, longitude) of the host cities the sample registrants live in. */
    public static List<double[]> cityCentres() {
        return java.util.Arrays.stream(CITIES).map(c -> new double[] {c.lat(), c.lon()}).toList();
    }

    /** Generates {@code persons} synthetic registrants; the same seed gives the same people. */
    public static int generate(Session session, int persons, long seed, ProgressSink progress) {
        BulkRegistrations bulk = new BulkRegistrations(session);
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate today = session.now().atOffset(ZoneOffset.UTC).toLocalDate();
        String officer = session.user().username();
        List<Long> employers = bulk.addOrganisations(organisations(random, OrganisationKind.EMPLOYER, 200), AUDIT_ACTION);
        List<Long> agencies = bulk.addOrganisations(organisations(random, OrganisationKind.AGENCY, 30), AUDIT_ACTION);
        boolean deferIndexes = persons >= DEFER_INDEXES_FROM;
        if (deferIndexes) {
            bulk.deferIndexes();
        }
        int done = 0;
        try {
            while (done < persons) {
                progress.checkCancelled();
                List<List<Registration>> batch = new ArrayList<>();
                int inBatch = 0;
                while (inBatch < BATCH && done + inBatch < persons) {
                    int size = Math.min(householdSize(random), persons - done - inBatch);
                    batch.add(household(random, size, today, officer, employers, agencies));
                    inBatch += size;
                }
                done += bulk.addHouseholds(batch, AUDIT_ACTION);
                progress.progress(done, persons);
            }
        } finally {
            if (deferIndexes) {
                bulk.buildDeferredIndexes();
            }
        }
        return done;
    }

    private static int householdSize(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 70 ? 1 : x < 82 ? 2 : x < 91 ? 3 : x < 97 ? 4 : 5;
    }

    private static List<Organisation> organisations(SplittableRandom r, OrganisationKind kind, int count) {
        List<Organisation> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            City city = CITIES[r.nextInt(CITIES.length)];
            String name = kind == OrganisationKind.AGENCY
                    ? pick(r, COMPANY_WORDS) + " Manpower Recruitment Agency " + (i + 1)
                    : pick(r, COMPANY_WORDS) + " " + pick(r, COMPANY_KINDS) + " " + (i + 1);
            out.add(new Organisation(0, 0, kind, name, "REG-" + (100000 + r.nextInt(900000)), city.country(),
                    city.districts()[0] + ", " + city.name(), "+" + city.mobile() + digits(r, city.digits()), null));
        }
        return out;
    }

    private static List<Registration> household(SplittableRandom r, int size, LocalDate today, String officer,
                                                List<Long> employers, List<Long> agencies) {
        Culture culture = CULTURES[r.nextInt(CULTURES.length)];
        City city = CITIES[r.nextInt(CITIES.length)];
        String district = pick(r, city.districts());
        String[] family = pick(r, culture.family());
        String address = (1 + r.nextInt(250)) + " " + district + " Road";
        GeoPoint point = new GeoPoint(round(city.lat() + (r.nextDouble() - 0.5) * 0.1), round(city.lon() + (r.nextDouble() - 0.5) * 0.1),
                r.nextInt(4) == 0 ? 50 : 2000, r.nextInt(4) == 0 ? LocationSource.GPS : LocationSource.GAZETTEER);
        List<Registration> out = new ArrayList<>(size);
        int headYear = today.getYear() - 20 - r.nextInt(50);
        for (int m = 0; m < size; m++) {
            boolean female = r.nextBoolean();
            int year = m == 0 ? headYear : m == 1 ? headYear - 5 + r.nextInt(11) : headYear + 20 + r.nextInt(18);
            if (size == 1) {
                year = today.getYear() - 18 - r.nextInt(65);
            }
            year = Math.min(year, today.getYear());
            String[] given = pick(r, female ? culture.female() : culture.male());
            String[] second = r.nextInt(4) == 0 ? pick(r, female ? culture.female() : culture.male()) : null;
            String givenLatin = second == null || second[0].equals(given[0]) ? given[0] : given[0] + " " + second[0];
            String givenOrig = given.length < 2 ? null : second == null || second[0].equals(given[0]) ? given[1] : given[1] + " " + second[1];
            String familyLatin = family[0];
            String familyOrig = family.length < 2 ? null : family[1];
            if (m == 0 && size == 1 && r.nextInt(40) == 0) {
                String[] other = pick(r, culture.family());
                if (!other[0].equals(family[0])) {
                    familyLatin = family[0] + "-" + other[0];
                    familyOrig = family.length < 2 ? null : family[1] + "-" + other[1];
                }
            }
            int age = today.getYear() - year;
            String birth = r.nextInt(20) == 0 ? Integer.toString(year)
                    : String.format(Locale.ROOT, "%04d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
            PurposeOfStay purpose = age < 18 ? PurposeOfStay.RESIDENT : purpose(r);
            List<ContactMethod> contacts = new ArrayList<>();
            if (age >= 14 && r.nextInt(100) < 90) {
                contacts.add(new ContactMethod(ContactKind.PHONE, "+" + city.mobile() + digits(r, city.digits()), null, true));
            }
            if (age >= 16 && r.nextInt(100) < 30) {
                contacts.add(new ContactMethod(ContactKind.EMAIL,
                        NameKeys.normalise(given[0]).replace(' ', '.') + "." + NameKeys.normalise(familyLatin).replace(' ', '-')
                                + (r.nextInt(100)) + "@example.org", null, false));
            }
            List<EmergencyContact> emergency = new ArrayList<>();
            if (r.nextInt(2) == 0) {
                String[] kin = pick(r, r.nextBoolean() ? culture.female() : culture.male());
                emergency.add(new EmergencyContact(kin[0] + " " + family[0], r.nextBoolean() ? "Parent" : "Sibling", null, null,
                        ContactLocation.HOME));
            }
            List<TravelDocument> documents = new ArrayList<>();
            if (r.nextInt(100) < 92) {
                LocalDate expires = today.plusDays(-730 + r.nextInt(365 * 12));
                documents.add(new TravelDocument(0, DocumentType.PASSPORT, "UT" + digits(r, 7), "Utopia Passport Office",
                        expires.minusYears(10), expires, false));
            }
            if (age >= 18 && r.nextInt(100) < 35) {
                documents.add(new TravelDocument(0, DocumentType.NATIONAL_ID, "ID " + digits(r, 3) + "-" + digits(r, 5),
                        "Utopia Civil Registry", null, null, false));
            }
            List<Employment> employments = new ArrayList<>();
            if (purpose == PurposeOfStay.WORKER) {
                LocalDate start = today.minusDays(r.nextInt(2000));
                documents.add(new TravelDocument(0, DocumentType.WORK_PERMIT, city.country() + "-WP-" + digits(r, 8),
                        "Host immigration", start, start.plusYears(2), false));
                employments.add(new Employment(employers.get(r.nextInt(employers.size())),
                        r.nextInt(100) < 60 ? agencies.get(r.nextInt(agencies.size())) : null, pick(r, SECTORS), city.name(),
                        start, start.plusYears(2)));
            }
            List<Vulnerability> vulnerabilities = new ArrayList<>();
            if (r.nextInt(100) < 8) {
                VulnerabilityCode code = age >= 70 ? VulnerabilityCode.OLDER_PERSON
                        : VulnerabilityCode.values()[r.nextInt(VulnerabilityCode.values().length)];
                if (code == VulnerabilityCode.UNACCOMPANIED_CHILD && age >= 18) {
                    code = VulnerabilityCode.NEEDS_MEDICATION;
                }
                vulnerabilities.add(new Vulnerability(code, null));
            }
            List<Consent> consents = new ArrayList<>();
            LocalDate granted = today.minusDays(1 + r.nextInt(1500));
            if (r.nextInt(100) < 70) {
                consents.add(new Consent(0, ConsentPurpose.CRISIS_CONTACT, null, granted, pick(r, ConsentChannel.values()),
                        officer, r.nextInt(50) == 0 ? granted.plusDays(30) : null));
            }
            if (r.nextInt(100) < 20) {
                consents.add(new Consent(0, ConsentPurpose.CONTACT_NEXT_OF_KIN, null, granted, ConsentChannel.WRITTEN, officer, null));
            }
            if (r.nextInt(100) < 6) {
                consents.add(new Consent(0, ConsentPurpose.SHARE_WITH_PARTNER, r.nextBoolean() ? "IOM" : "ICRC", granted,
                        ConsentChannel.WRITTEN, officer, null));
            }
            LocalDate arrival = today.minusDays(r.nextInt(3000));
            out.add(new Registration(0, 0, familyLatin, givenLatin, familyOrig, givenOrig, List.of(), female ? 'F' : 'M', birth,
                    "Utopia City", documents.isEmpty() ? NationalityEvidence.DECLARATION : NationalityEvidence.PASSPORT,
                    List.of(culture.language()), null, purpose,
                    new Whereabouts(address, null, district, city.name(), city.country(), point, granted, arrival,
                            purpose == PurposeOfStay.TOURIST ? today.plusDays(r.nextInt(60)) : null),
                    contacts, emergency, documents, employments, vulnerabilities, consents, null));
        }
        return out;
    }

    private static PurposeOfStay purpose(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 45 ? PurposeOfStay.WORKER : x < 65 ? PurposeOfStay.RESIDENT : x < 77 ? PurposeOfStay.STUDENT
                : x < 92 ? PurposeOfStay.TOURIST : PurposeOfStay.OTHER;
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    private static String digits(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        b.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
