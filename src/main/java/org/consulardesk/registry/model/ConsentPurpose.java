package org.consulardesk.registry.model;

/**
 * What a person agreed to. There is deliberately no purpose for immigration enforcement: assistance
 * data is never shared for it, whatever is recorded.
 */
public enum ConsentPurpose {
    CRISIS_CONTACT, SHARE_WITH_PARTNER, CONTACT_NEXT_OF_KIN
}
