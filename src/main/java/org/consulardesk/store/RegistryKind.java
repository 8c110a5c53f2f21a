package org.consulardesk.store;

/** What a registry folder is for; the training kind is marked TRAINING on every screen. */
public enum RegistryKind {
    POST, HQ, TRAINING
}
