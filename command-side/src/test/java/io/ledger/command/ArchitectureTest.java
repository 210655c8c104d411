package io.ledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.ledger.api.architecture.NoFloatingPoint;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;

/** The command side's boundaries: it knows shared-api, never the query side or the webhook module. */
@AnalyzeClasses(packages = "io.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The Payment aggregate, the state it is event sourced into, and the values and table it decides with. */
    private static final DescribedPredicate<JavaClass> PAYMENT_AGGREGATE = DescribedPredicate.describe(
            "the Payment aggregate, its state and its values",
            type -> type.isAnnotatedWith(Aggregate.class)
                    || type.isAssignableFrom("io.ledger.command.payment.Payment")
                    || (type.getPackageName().equals("io.ledger.command.payment")
                            && (type.isRecord() || type.isEnum())));

    @ArchTest
    static final ArchRule commandSideDoesNotDependOnTheOtherSides = noClasses()
            .that()
            .resideInAPackage("io.ledger.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.ledger.query..", "io.ledger.webhook..")
            .because("the sides talk through shared-api's messages only");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles =
            slices().matching("io.ledger.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("io.ledger.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noFloatingPoint = NoFloatingPoint.everywhere();

    @ArchTest
    static final ArchRule theAggregatePackageDoesNotUseStripe = noClasses()
            .that()
            .resideInAPackage("io.ledger.command.payment..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.stripe..")
            .because("com.stripe appears only in the Stripe adapter");

    @ArchTest
    static final ArchRule onlyTheStripeAdapterUsesStripe = noClasses()
            .that()
            .resideInAPackage("io.ledger.command..")
            .and()
            .resideOutsideOfPackage("io.ledger.command.stripe..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.stripe..")
            .because("com.stripe appears only in the Stripe adapter");

    /** The methods that say where a Stripe object stands; reading them is translating it. */
    private static final Set<String> STRIPE_STATES = Set.of(
            "getStatus",
            "getLastPaymentError",
            "getDeclineCode",
            "getFailureReason",
            "getPaymentStatus",
            "getCancellationReason",
            "getNextAction");

    @ArchTest
    static final ArchRule stripesObjectsAreTranslatedInOnePlace = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("io.ledger.command.stripe.StripeReports")
            .and()
            .doNotHaveFullyQualifiedName("io.ledger.command.stripe.Decline")
            .should()
            .callMethodWhere(new DescribedPredicate<JavaMethodCall>("reads where a Stripe object stands") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().getPackageName().startsWith("com.stripe.model")
                            && STRIPE_STATES.contains(call.getName());
                }
            })
            .because("Stripe's objects become the ledger's reports in StripeReports alone, whichever road brings them");

    @ArchTest
    static final ArchRule aggregatesUseNoSpringJpaStripeOrIo = noClasses()
            .that(PAYMENT_AGGREGATE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "com.stripe..",
                    "java.sql..",
                    "java.net..",
                    "java.io..");

    @ArchTest
    static final ArchRule aggregatesReadNoClockAndMakeNoRandomIds = noClasses()
            .that(PAYMENT_AGGREGATE)
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(UUID.class, "randomUUID")
            .orShould()
            .callMethod(PaymentId.class, "newId")
            .orShould()
            .callMethod(RefundId.class, "newId")
            .because("ids and times arrive in the command or the event");

    @ArchTest
    static final ArchRule aggregatesAndControllersArePackagePrivate = classes()
            .that(PAYMENT_AGGREGATE)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .notBePublic();
}
