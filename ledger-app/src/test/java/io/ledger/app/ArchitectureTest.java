package io.ledger.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The modules' dependency rules, checked on the production classes of every module the application assembles:
 * {@code io.ledger.app} may use the sides, the sides never use the application, and nothing depends on itself in a
 * circle.
 */
class ArchitectureTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ledger");

    @Test
    void importsTheAssembledModules() {
        assertThat(LEDGER.stream().map(JavaClass::getPackageName))
                .anySatisfy(name -> assertThat(name).startsWith("io.ledger.app"))
                .anySatisfy(name -> assertThat(name).startsWith("io.ledger.command"))
                .anySatisfy(name -> assertThat(name).startsWith("io.ledger.webhook"))
                .anySatisfy(name -> assertThat(name).startsWith("io.ledger.api"));
    }

    @Test
    void commandSideDoesNotDependOnTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("io.ledger.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.ledger.app..")
                .check(LEDGER);
    }

    @Test
    void onlyTheApplicationAssemblesTheSides() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .optionalLayer("Application")
                .definedBy("io.ledger.app..")
                .optionalLayer("Command side")
                .definedBy("io.ledger.command..")
                .optionalLayer("Query side")
                .definedBy("io.ledger.query..")
                .optionalLayer("Webhook ingest")
                .definedBy("io.ledger.webhook..")
                .optionalLayer("Shared API")
                .definedBy("io.ledger.api..")
                .whereLayer("Application")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Command side")
                .mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Query side")
                .mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Webhook ingest")
                .mayOnlyBeAccessedByLayers("Application")
                .check(LEDGER);
    }

    @Test
    void stripeIsUsedOnlyByTheCommandSidesAdapterAndTheWebhookSignatureCheck() {
        noClasses()
                .that()
                .resideInAPackage("io.ledger..")
                .and()
                .resideOutsideOfPackage("io.ledger.command.stripe..")
                .and()
                .doNotHaveFullyQualifiedName("io.ledger.webhook.stripe.SignatureCheck")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.stripe..")
                .because(
                        "Stripe's objects are read and translated in one adapter; webhook ingest only checks signatures")
                .check(LEDGER);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching("io.ledger.(*)..").should().beFreeOfCycles().check(LEDGER);
    }

    @Test
    void packagesWithinEachModuleAreFreeOfCycles() {
        slices().matching("io.ledger.(*).(*)..").should().beFreeOfCycles().check(LEDGER);
    }
}
