package org.consulardesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md and docs/architecture.md, checked on every build. */
class ArchitectureTest {
    private static final List<String> FEATURES = List.of("security", "registry", "geo", "crisis", "plans", "documents",
            "bonds", "exchange", "exercise", "etd", "map");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.consulardesk");
    }

    @Test
    void javafxOnlyInScreensAndTheApplicationShell() {
        noClasses().that().resideOutsideOfPackages("..ui", "org.consulardesk.app")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyStoresTouchTheDatabase() {
        noClasses().that().resideOutsideOfPackages("..store", "org.consulardesk.store.backup", "org.consulardesk.store.generated..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "org.h2..",
                        "org.flywaydb..")
                .check(classes);
    }

    @Test
    void servicesDoNotKnowScreens() {
        noClasses().that().resideInAPackage("..service").should().dependOnClassesThat().resideInAPackage("..ui")
                .check(classes);
    }

    @Test
    void storesDoNotKnowServicesOrScreens() {
        noClasses().that().resideInAPackage("..store").should().dependOnClassesThat().resideInAnyPackage("..service", "..ui")
                .check(classes);
    }

    @Test
    void screensGoThroughServices() {
        noClasses().that().resideInAPackage("..ui").should().dependOnClassesThat().resideInAnyPackage("..store",
                "org.consulardesk.store.generated..", "org.consulardesk.store.backup").check(classes);
    }

    @Test
    void modelsDependOnNoLayer() {
        noClasses().that().resideInAPackage("..model").should().dependOnClassesThat()
                .resideInAnyPackage("..ui", "..service", "..store", "org.consulardesk.app..", "org.consulardesk.cli..")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoEachOthersStores() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("org.consulardesk." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.consulardesk." + feature + ".store")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void coreDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.consulardesk.core..").should().dependOnClassesThat()
                .resideInAnyPackage("org.consulardesk.app..", "org.consulardesk.cli..", "org.consulardesk.security..",
                        "org.consulardesk.registry..", "org.consulardesk.store..", "org.consulardesk.exercise..")
                .check(classes);
    }

    @Test
    void servicesTakeAndReturnNoJavaFxTypes() {
        classes().that().resideInAPackage("..service").should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("javafx..").check(classes);
    }

    /**
     * A registry is upgraded only where the user was asked: the sign-in (screen or command with
     * --upgrade) through LoginService.finish. Everything else opens with Database.open, which refuses
     * a registry that is behind (ADR 0076).
     */
    @Test
    void onlyTheSignInUpgradesARegistry() {
        noClasses().that().doNotBelongToAnyOf(org.consulardesk.store.Database.class,
                        org.consulardesk.store.Database.Opening.class,
                        org.consulardesk.security.service.LoginService.class)
                .should().callMethod(org.consulardesk.store.Database.Opening.class, "migrate",
                        org.consulardesk.store.model.UpgradeListener.class)
                .orShould().callMethod(org.consulardesk.store.Database.class, "upgrade", java.nio.file.Path.class, byte[].class,
                        org.consulardesk.store.model.UpgradeListener.class)
                .check(classes);
    }
}
