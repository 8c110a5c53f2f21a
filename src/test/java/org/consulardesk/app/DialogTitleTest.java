package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.consulardesk.core.ui.Ui;
import org.junit.jupiter.api.Test;

class DialogTitleTest {
    @Test
    void aButtonLabelUsedAsTitleLosesItsMnemonicMarker() {
        assertThat(Ui.text("map.hotspots.export")).contains("_");
        assertThat(FxDialogService.plain(Ui.text("map.hotspots.export"))).isEqualTo("Export\u2026");
        assertThat(FxDialogService.plain("Who is inside")).isEqualTo("Who is inside");
    }
}
