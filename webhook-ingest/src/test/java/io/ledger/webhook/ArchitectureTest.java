package io.ledger.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.ledger.api.architecture.NoFloatingPoint;
import org.springframework.web.bind.annotation.RestController;

/**
 * webhook-ingest's boundaries: it knows shared-api and Stripe's signatures, never the command or the query side, and
 * leaves the translation of Stripe's objects to the command side.
 */
@AnalyzeClasses(packages = "io.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webhookIngestDoesNotDependOnTheSides = noClasses()
            .that()
            .resideInAPackage("io.ledger.webhook..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.ledger.command..", "io.ledger.query..", "io.ledger.app..")
            .because("the sides talk through shared-api's messages only");

    @ArchTest
    static final ArchRule onlyTheSignatureCheckUsesStripe = noClasses()
            .that()
            .resideInAPackage("io.ledger.webhook..")
            .and()
            .doNotHaveFullyQualifiedName("io.ledger.webhook.stripe.SignatureCheck")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.stripe..")
            .because("webhook ingest verifies Stripe's signature; the command side's Stripe adapter reads the objects");

    @ArchTest
    static final ArchRule webhookIngestSendsNoPaymentCommands = noClasses()
            .that()
            .resideInAPackage("io.ledger.webhook..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.ledger.api.payment..")
            .because("Stripe's objects are translated into payment facts in one place, the command side's adapter");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles =
            slices().matching("io.ledger.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("io.ledger.webhook.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .and()
            .resideInAPackage("io.ledger.webhook..")
            .should()
            .notBePublic();

    @ArchTest
    static final ArchRule noFloatingPoint = NoFloatingPoint.everywhere();
}
