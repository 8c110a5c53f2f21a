package org.consulardesk.core;

import java.text.MessageFormat;
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
