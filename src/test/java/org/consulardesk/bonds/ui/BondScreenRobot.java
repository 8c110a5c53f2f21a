package org.consulardesk.bonds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The robot steps the bond screen tests share: fill a field, press an enabled button, read a label. */
abstract class BondScreenRobot extends FxRobot {
    void write(String id, String text) {
        TextField field = lookup(id).queryAs(TextField.class);
        interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }

    void press(String id) {
        Button button = lookup(id).queryButton();
        assertThat(button.isDisabled()).as(id + " enabled").isFalse();
        interact(button::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
