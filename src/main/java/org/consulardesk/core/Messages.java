package org.consulardesk.core;

import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The one message bundle: every user-visible string comes from here. */
public final class Messages {
    public static final String BUNDLE = "org.consulardesk.messages";

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /**
     * The bundle for text shown without MessageFormat (command-line help, which picocli reads
     * directly): the bundle's {@code ''} reads as one apostrophe there too.
     */
    public static ResourceBundle plainBundle() {
        ResourceBundle bundle = bundle();
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                if (!bundle.containsKey(key)) {
                    return null;
                }
                Object value = bundle.getObject(key);
                return value instanceof String text ? text.replace("''", "'") : value;
            }

            @Override
            public Enumeration<String> getKeys() {
                return bundle.getKeys();
            }
        };
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug; show it plainly rather than crash the screen.
            return "!" + key + "!";
        }
        // Always through MessageFormat, so quoting rules ('' for an apostrophe) are the same for every key.
        return new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
