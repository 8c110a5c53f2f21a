package org.consulardesk.core.ui;

import javafx.scene.Node;

/** A screen. Long-lived screens add listeners in activate() and remove them in deactivate(). */
public interface View {
    Node root();

    default void activate() {
    }

    default void deactivate() {
    }

    /** The control that should have focus when the screen appears (keyboard first). */
    default Node initialFocus() {
        return root();
    }

    /**
     * Asked before the screen is left (navigation, back, sign-out): a screen with unsaved changes
     * asks the user and answers false to stay.
     */
    default boolean mayLeave() {
        return true;
    }
}
