package com.tradebatch.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package map of the README, enforced: entry points (command line, schedules, HTTP API) -> launch -> jobs -> common ->
 * store, each layer using only those below it, and no cycle between any two packages.
 */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.tradebatch");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Entry points").definedBy("com.tradebatch", "com.tradebatch.cli..", "com.tradebatch.schedule..",
                        "com.tradebatch.web..")
                .layer("Launch").definedBy("com.tradebatch.launch..")
                .layer("Jobs").definedBy("com.tradebatch.market..", "com.tradebatch.analytics..",
                        "com.tradebatch.migration..", "com.tradebatch.maintenance..")
                .layer("Common").definedBy("com.tradebatch.common..")
                .layer("Store").definedBy("com.tradebatch.store..")
                .whereLayer("Entry points").mayNotBeAccessedByAnyLayer()
                .whereLayer("Launch").mayOnlyBeAccessedByLayers("Entry points")
                .whereLayer("Jobs").mayOnlyBeAccessedByLayers("Entry points", "Launch")
                .whereLayer("Common").mayOnlyBeAccessedByLayers("Entry points", "Launch", "Jobs")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Entry points", "Launch", "Jobs", "Common")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.tradebatch.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
