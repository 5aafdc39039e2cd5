package dev.otabridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md: the HTTP edge calls the core, the core calls the store, and
 * nothing calls back up; only the root package, which wires the beans, sees them all.
 */
class LayersTest {

    /** The rules, for the packages under {@code root}. */
    static ArchRule layers(String root) {
        return CompositeArchRule.of(layeredArchitecture()
                        .consideringOnlyDependenciesInLayers()
                        .layer("Wiring")
                        .definedBy(root, root + ".config..")
                        .layer("Edge")
                        .definedBy(root + ".api..", root + ".security..", root + ".mirror..", root + ".ops..")
                        .layer("Core")
                        .definedBy(root + ".expression..", root + ".search..", root + ".sync..", root + ".metrics..")
                        .layer("Store")
                        .definedBy(root + ".store..")
                        .whereLayer("Wiring")
                        .mayNotBeAccessedByAnyLayer()
                        .whereLayer("Edge")
                        .mayOnlyBeAccessedByLayers("Wiring")
                        .whereLayer("Core")
                        .mayOnlyBeAccessedByLayers("Wiring", "Edge")
                        .whereLayer("Store")
                        .mayOnlyBeAccessedByLayers("Wiring", "Edge", "Core"))
                .and(slices().matching(root + ".(*)..")
                        .should()
                        .beFreeOfCycles()
                        .allowEmptyShould(true))
                .and(noClasses()
                        .that()
                        .resideOutsideOfPackage(root + ".store..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("org.postgresql..", "org.hsqldb..", "org.flywaydb..")
                        .as("only the store knows the database engines and the migrations"))
                .and(noClasses()
                        .that()
                        .resideOutsideOfPackage(root + ".api..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("io.vertx..")
                        .as("only the HTTP edge knows the HTTP server"));
    }

    @Test
    void theBundleKeepsItsLayers() {
        JavaClasses bundle = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.otabridge");
        layers("dev.otabridge").check(bundle);
    }

    @Test
    void anImportAgainstTheLayersFailsTheRule() {
        JavaClasses leaky = new ClassFileImporter().importPackages("dev.otabridge.layerfixture");
        EvaluationResult result = layers("dev.otabridge.layerfixture").evaluate(leaky);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(result.hasViolation());
        assertTrue(
                report.contains("layerfixture.store.LeakyStore") && report.contains("layerfixture.api.EdgeError"),
                report);
        assertTrue(
                report.contains("layerfixture.search.DriverBoundSearch") && report.contains("org.postgresql"), report);
    }
}
