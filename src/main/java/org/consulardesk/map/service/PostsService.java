package org.consulardesk.map.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.geo.model.Place;
import org.consulardesk.geo.service.Gazetteer;
import org.consulardesk.map.model.ConsularPost;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryDescriptor;

/**
 * The ministry's consular posts for the map's posts layer: this registry's own post (its name and
 * country from the registry settings) and, for users who see the exchange's registered posts (HQ),
 * every other post HQ knows. Each is placed at its city, found in the bundled gazetteer from the
 * post's name ("Embassy of Utopia in Nairobi" is placed at Nairobi); a post whose city the gazetteer
 * does not know is left off the map.
 */
public final class PostsService {
    private final Session session;
    private final Gazetteer gazetteer;

    public PostsService(Session session, Gazetteer gazetteer) {
        this.session = session;
        this.gazetteer = gazetteer;
    }

    public List<ConsularPost> posts() {
        session.require(Permission.VIEW_REGISTRY);
        RegistryDescriptor own = session.descriptor();
        List<ConsularPost> out = new ArrayList<>();
        place(own.postName(), own.countryCode(), true).ifPresent(out::add);
        if (session.can(Permission.IMPORT_EXCHANGE) || session.can(Permission.MANAGE_POST_KEYS)) {
            for (PostKey k : new PostKeyService(session).list()) {
                if (!k.own() && !k.registryId().equals(own.registryId())) {
                    place(k.postName(), k.countryCode(), false).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** This registry's own post at its city, when the gazetteer knows the city (where the map first opens). */
    public Optional<ConsularPost> own() {
        session.require(Permission.VIEW_REGISTRY);
        RegistryDescriptor own = session.descriptor();
        return place(own.postName(), own.countryCode(), true);
    }

    /** The post placed at the city its name ends with (after " in "), in its country. */
    Optional<ConsularPost> place(String postName, String countryCode, boolean own) {
        return city(postName, countryCode).map(p -> new ConsularPost(postName, countryCode, p.latitude(), p.longitude(), own));
    }

    private Optional<Place> city(String postName, String countryCode) {
        if (postName == null || postName.isBlank()) {
            return Optional.empty();
        }
        String city = postName.replaceAll(".*\\bin\\s+", "").replaceAll("\\s*\\(.*", "").strip();
        return gazetteer.suggest(city, countryCode, 5).stream()
                .filter(p -> Gazetteer.key(p.name()).equals(Gazetteer.key(city)))
                .findFirst();
    }
}
