package io.ledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
    static final ArchRule noFloatingPoint = classes()
            .that()
            .resideInAPackage("io.ledger..")
            .should(useNoFloatingPoint())
            .because("money is exact: never a float anywhere");

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

    @ArchTest
    static final ArchRule aggregatesUseNoSpringJpaStripeOrIo = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
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
            .that()
            .areAnnotatedWith(Aggregate.class)
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
            .that()
            .areAnnotatedWith(Aggregate.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .notBePublic();

    /** No {@code float} or {@code double} (boxed or not, or arrays of them) in fields, parameters or results. */
    static ArchCondition<JavaClass> useNoFloatingPoint() {
        return new ArchCondition<>("use no float or double in fields, parameters or return types") {
            private final Set<String> floating =
                    Set.of("float", "double", Float.class.getName(), Double.class.getName());

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaField field : javaClass.getFields()) {
                    if (isFloating(field.getRawType())) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is floating point"));
                    }
                }
                for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
                    for (JavaClass parameter : codeUnit.getRawParameterTypes()) {
                        if (isFloating(parameter)) {
                            events.add(SimpleConditionEvent.violated(
                                    codeUnit, codeUnit.getFullName() + " takes a floating-point parameter"));
                        }
                    }
                    if (isFloating(codeUnit.getRawReturnType())) {
                        events.add(SimpleConditionEvent.violated(
                                codeUnit, codeUnit.getFullName() + " returns floating point"));
                    }
                }
            }

            private boolean isFloating(JavaClass type) {
                JavaClass base = type;
                while (base.isArray()) {
                    base = base.getComponentType();
                }
                return floating.contains(base.getName());
            }
        };
    }
}
