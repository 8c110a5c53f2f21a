package org.consulardesk.exchange.service;

import java.util.List;
import org.consulardesk.security.model.Permission;

/**
 * What every profile states about itself, given once to the constructor, so a profile is its
 * constructor line plus {@link #sheets}:
 * <pre>{@code
 * public final class BondLedgerProfile extends BaseExportProfile {
 *     public BondLedgerProfile() {
 *         super("bond-ledger", "bonds.export.profile.bond-ledger", Permission.MANAGE_BONDS, PERSONAL_DATA,
 *                 List.of("employer", "bond"));
 *     }
 *
 *     public List<ExportSheet> sheets(ExportContext context) { ... }
 * }
 * }</pre>
 */
public abstract class BaseExportProfile implements ExportProfile {
    /** Rows name or identify people: always password-encrypted. */
    protected static final boolean PERSONAL_DATA = true;
    /** Counts, or rows that identify nobody: may be unencrypted, and exported as CSV. */
    protected static final boolean NO_PERSONAL_DATA = false;

    private final String name;
    private final String titleKey;
    private final Permission requiredPermission;
    private final boolean personalData;
    private final List<String> filterNames;

    protected BaseExportProfile(String name, String titleKey, Permission requiredPermission, boolean personalData) {
        this(name, titleKey, requiredPermission, personalData, List.of());
    }

    protected BaseExportProfile(String name, String titleKey, Permission requiredPermission, boolean personalData,
                                List<String> filterNames) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("profile name must be lower-case words joined by '-'");
        }
        this.name = name;
        this.titleKey = java.util.Objects.requireNonNull(titleKey);
        this.requiredPermission = java.util.Objects.requireNonNull(requiredPermission);
        this.personalData = personalData;
        this.filterNames = List.copyOf(filterNames);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String titleKey() {
        return titleKey;
    }

    @Override
    public final Permission requiredPermission() {
        return requiredPermission;
    }

    @Override
    public final boolean personalData() {
        return personalData;
    }

    @Override
    public final List<String> filterNames() {
        return filterNames;
    }
}
