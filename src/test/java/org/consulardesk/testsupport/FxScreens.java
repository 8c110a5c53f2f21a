package org.consulardesk.testsupport;

import javafx.scene.Parent;
import org.consulardesk.core.ui.View;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Shows one screen alone in the headless primary stage, activated as the shell would. */
public final class FxScreens {
    private FxScreens() {
    }

    public static void show(View view, double width, double height) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> (Parent) view.root());
        FxToolkit.setupStage(stage -> {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(view::activate).get();
    }
}
