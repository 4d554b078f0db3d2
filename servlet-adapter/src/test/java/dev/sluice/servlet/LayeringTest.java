package dev.sluice.servlet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the servlet adapter, as drawn at the top of docs/servlet-adapter.md: the public API on top,
 * the webapp runtime ({@code internal}) beneath it, and the parts ({@code internal.deploy}, {@code internal.http},
 * ...) beneath the runtime, depending on each other one way only.
 */
@AnalyzeClasses(packages = "dev.sluice.servlet", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String RUNTIME = "dev.sluice.servlet.internal";
    /** The container, its builder, and the text form of the builder's settings. */
    private static final String BUILDER = "dev\\.sluice\\.servlet\\.(ServletContainer|TextSettings)(\\$.*)?";

    @ArchTest
    static final ArchRule partsDependOnEachOtherOneWayOnly =
            slices().matching(RUNTIME + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule partsNeverReachUpIntoTheRuntime = noClasses()
            .that().resideInAPackage(RUNTIME + "..").and().resideOutsideOfPackage(RUNTIME)
            .should().dependOnClassesThat().resideInAPackage(RUNTIME);

    @ArchTest
    static final ArchRule theApiReachesInternalsOnlyThroughTheBuilder = noClasses()
            .that().resideInAPackage("dev.sluice.servlet").and().haveNameNotMatching(BUILDER)
            .should().dependOnClassesThat().resideInAPackage(RUNTIME + "..");

    @ArchTest
    static final ArchRule internalsNeverDependOnTheContainerThatBuildsThem = noClasses()
            .that().resideInAPackage(RUNTIME + "..")
            .should().dependOnClassesThat().haveNameMatching(BUILDER);

    @ArchTest
    static final ArchRule theAdapterNeverTouchesTheConnector = noClasses()
            .that().resideInAPackage("dev.sluice.servlet..")
            .should().dependOnClassesThat().resideInAPackage("dev.sluice.connector..");
}
