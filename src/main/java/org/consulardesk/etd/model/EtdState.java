package org.consulardesk.etd.model;

import java.util.EnumSet;
import java.util.Set;

/** The life of an issued ETD. {@link #canBecome} is the only allowed set of transitions. */
public enum EtdState {
    ISSUED, COLLECTED, USED, EXPIRED, CANCELLED, LOST_STOLEN;

    public Set<EtdState> next() {
        return switch (this) {
            case ISSUED -> EnumSet.of(COLLECTED, EXPIRED, CANCELLED, LOST_STOLEN);
            case COLLECTED -> EnumSet.of(USED, EXPIRED, CANCELLED, LOST_STOLEN);
            case USED, EXPIRED, CANCELLED, LOST_STOLEN -> EnumSet.noneOf(EtdState.class);
        };
    }

    public boolean canBecome(EtdState target) {
        return next().contains(target);
    }

    /** Still a document someone could travel on. */
    public boolean active() {
        return this == ISSUED || this == COLLECTED;
    }
}
