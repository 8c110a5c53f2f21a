package org.consulardesk.geo.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.consulardesk.geo.model.Place;

/**
 * Offline place-name look-up over the bundled GeoNames extract (about 170,000 places). The file is
 * read once, on first use; call {@link #load()} from a background task to keep that off the UI thread.
 * Matching ignores case and accents ("sao" finds "São Paulo").
 */
public final class Gazetteer {
    public static final String RESOURCE = "/org/consulardesk/geo/cities.tsv.gz";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Gazetteer BUNDLED = new Gazetteer(RESOURCE);

    private final String resource;
    private volatile Index index;

    public Gazetteer(String resource) {
        this.resource = resource;
    }

    /** The gazetteer bundled with the application, shared by every screen. */
    public static Gazetteer bundled() {
        return BUNDLED;
    }

    private record Index(String[] keys, Place[] places) {
    }

    /** Reads the file if not done yet; safe to call from any thread, does the work once. */
    public void load() {
        index();
    }

    public boolean isLoaded() {
        return index != null;
    }

    /**
     * Places whose name starts with the prefix, accent- and case-insensitively; shorter names first.
     *
     * @param countryCode only places of this country; null or blank for all
     */
    public List<Place> suggest(String prefix, String countryCode, int limit) {
        String key = key(prefix == null ? "" : prefix);
        if (key.isEmpty() || limit <= 0) {
            return List.of();
        }
        String country = countryCode == null || countryCode.isBlank() ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        Index idx = index();
        int i = Arrays.binarySearch(idx.keys(), key);
        if (i < 0) {
            i = -i - 1;
        }
        List<Place> found = new ArrayList<>();
        for (; i < idx.keys().length && idx.keys()[i].startsWith(key); i++) {
            Place p = idx.places()[i];
            if (country == null || country.equals(p.countryCode())) {
                found.add(p);
            }
        }
        found.sort(Comparator.comparingInt((Place p) -> p.name().length()).thenComparing(p -> key(p.name()))
                .thenComparing(Place::countryCode));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    /** Lower case without accents or surrounding spaces: the form names are compared in. */
    public static String key(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private Index index() {
        Index idx = index;
        if (idx == null) {
            synchronized (this) {
                idx = index;
                if (idx == null) {
                    idx = read();
                    index = idx;
                }
            }
        }
        return idx;
    }

    private Index read() {
        List<Place> places = new ArrayList<>(180_000);
        try (InputStream raw = Gazetteer.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 4) {
                    continue;
                }
                places.add(new Place(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        f.length > 4 && !f[4].isEmpty() ? Integer.valueOf(f[4]) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] keys = new String[places.size()];
        Integer[] order = new Integer[places.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(places.get(i).name());
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> keys[i]));
        String[] sortedKeys = new String[keys.length];
        Place[] sortedPlaces = new Place[keys.length];
        for (int i = 0; i < order.length; i++) {
            sortedKeys[i] = keys[order[i]];
            sortedPlaces[i] = places.get(order[i]);
        }
        return new Index(sortedKeys, sortedPlaces);
    }
}
