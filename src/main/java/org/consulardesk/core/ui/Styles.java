package org.consulardesk.core.ui;

/** Style class names used in code; each is defined once in consulardesk.css. */
public final class Styles {
    public static final String STYLESHEET = "/org/consulardesk/app/consulardesk.css";

    public static final String TITLE = "cd-title";
    public static final String SUBTITLE = "cd-subtitle";
    public static final String MUTED = "cd-muted";
    public static final String ERROR = "cd-error";
    public static final String SUCCESS = "cd-success";
    public static final String CARD = "cd-card";
    public static final String PAGE = "cd-page";
    public static final String TOP_BAR = "cd-top-bar";
    public static final String NAV = "cd-nav";
    public static final String NAV_BUTTON = "cd-nav-button";
    public static final String TRAINING_BADGE = "cd-training";
    public static final String TRAINING_FRAME = "cd-training-frame";
    public static final String PRIMARY = "cd-primary";
    public static final String DANGER = "cd-danger";
    public static final String RECOVERY_KEY = "cd-recovery-key";
    public static final String LOCK_SCREEN = "cd-lock";
    public static final String STATUS_OFFLINE = "cd-offline";
    public static final String STATUS_ONLINE = "cd-online";
    public static final String STRENGTH_BAR = "cd-strength";
    public static final String OVERDUE = "cd-overdue";

    private Styles() {
    }
}
