package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.consulardesk.store.model.RegistryKind;
import org.junit.jupiter.api.Test;

class NavigationScopeTest {
    @Test
    void hqWorkspaceOffersConsolidationButNoPostScreens() {
        assertThat(NavigationScope.shows(RegistryKind.HQ, "nav.exchangeHq")).isTrue();
        assertThat(NavigationScope.shows(RegistryKind.HQ, "nav.registry")).isFalse();
        assertThat(NavigationScope.shows(RegistryKind.HQ, "nav.etd")).isFalse();
        assertThat(NavigationScope.shows(RegistryKind.HQ, "nav.bonds")).isFalse();
        assertThat(NavigationScope.shows(RegistryKind.HQ, "nav.users")).isTrue();
        assertThat(NavigationScope.shows(RegistryKind.HQ, "nav.postKeys")).as("registered posts' keys").isTrue();
        assertThat(NavigationScope.registers(RegistryKind.HQ)).isFalse();
    }

    @Test
    void postOffersItsOwnScreensButNoConsolidation() {
        assertThat(NavigationScope.shows(RegistryKind.POST, "nav.exchangeHq")).isFalse();
        assertThat(NavigationScope.shows(RegistryKind.POST, "nav.registry")).isTrue();
        assertThat(NavigationScope.shows(RegistryKind.POST, "nav.exchangeExport")).isTrue();
        assertThat(NavigationScope.shows(RegistryKind.POST, "nav.postKeys")).as("its own key").isTrue();
        assertThat(NavigationScope.registers(RegistryKind.POST)).isTrue();
    }

    @Test
    void trainingOffersBothSides() {
        assertThat(NavigationScope.shows(RegistryKind.TRAINING, "nav.exchangeHq")).isTrue();
        assertThat(NavigationScope.shows(RegistryKind.TRAINING, "nav.registry")).isTrue();
    }
}
