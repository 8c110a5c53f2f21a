package org.consulardesk.store.model;

/** What a registry folder is for; the training kind is marked TRAINING on every screen. */
public enum RegistryKind {
    POST, HQ, TRAINING
}
