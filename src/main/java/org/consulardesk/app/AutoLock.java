package org.consulardesk.app;

import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.util.Duration;

/** Locks the window after a period without keyboard or mouse input. */
final class AutoLock {
    private final Scene scene;
    private final PauseTransition idle = new PauseTransition();
    private final EventHandler<InputEvent> activity = this::onActivity;

    AutoLock(Scene scene, Runnable lock) {
        this.scene = scene;
        idle.setOnFinished(e -> lock.run());
    }

    void start(Duration timeout) {
        idle.setDuration(timeout);
        scene.addEventFilter(InputEvent.ANY, activity);
        idle.playFromStart();
    }

    void setTimeout(Duration timeout) {
        idle.setDuration(timeout);
        idle.playFromStart();
    }

    void pause() {
        idle.stop();
    }

    void resume() {
        idle.playFromStart();
    }

    void stop() {
        idle.stop();
        scene.removeEventFilter(InputEvent.ANY, activity);
    }

    private void onActivity(Event event) {
        if (idle.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            idle.playFromStart();
        }
    }
}
