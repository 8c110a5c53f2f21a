package org.consulardesk.security.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The five roles of a post. Surge staff see only what evacuation work needs; HQ reviewers read and
 * consolidate; trainers run exercises in training registries.
 */
public enum Role {
    HEAD_OF_POST(EnumSet.allOf(Permission.class)),
    CONSULAR_OFFICER(EnumSet.of(Permission.VIEW_REGISTRY, Permission.EDIT_REGISTRY, Permission.REVEAL_SENSITIVE,
            Permission.BACKUP, Permission.ISSUE_ETD, Permission.APPROVE_ETD, Permission.EXPORT_PERSONAL_DATA,
            Permission.EXPORT_AGGREGATE, Permission.EDIT_HOTSPOTS, Permission.MANAGE_BONDS)),
    SURGE_STAFF(EnumSet.of(Permission.VIEW_REGISTRY)),
    HQ_REVIEWER(EnumSet.of(Permission.VIEW_REGISTRY, Permission.VIEW_AUDIT, Permission.EXPORT_AGGREGATE,
            Permission.IMPORT_EXCHANGE)),
    TRAINER(EnumSet.of(Permission.VIEW_REGISTRY, Permission.EDIT_REGISTRY, Permission.VIEW_AUDIT,
            Permission.EXPORT_AGGREGATE, Permission.EDIT_HOTSPOTS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public String messageKey() {
        return "role." + name();
    }
}
