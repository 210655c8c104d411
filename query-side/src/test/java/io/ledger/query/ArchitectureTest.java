package io.ledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ledger.api.architecture.NoFloatingPoint;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query side's boundaries, checked on its production classes and shared-api: it knows only shared-api's messages,
 * its feature packages do not depend on each other in a circle, its controllers and projections are package-private,
 * and no floating point appears anywhere. Every rule fails when it matches no class, so a renamed package cannot turn
 * a rule into a silent pass.
 */
class ArchitectureTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ledger");

    /** A projection is whatever handles events, whether or not it names its processing group. */
    private static final DescribedPredicate<JavaClass> HANDLE_EVENTS = new DescribedPredicate<>("handle events") {
        @Override
        public boolean test(JavaClass javaClass) {
            return javaClass.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class));
        }
    };

    @Test
    void importsTheQuerySideAndSharedApi() {
        assertThat(LEDGER.stream().map(JavaClass::getPackageName))
                .contains(
                        "io.ledger.query",
                        "io.ledger.query.payment",
                        "io.ledger.query.ledger",
                        "io.ledger.query.stats",
                        "io.ledger.query.reconciliation",
                        "io.ledger.query.projection",
                        "io.ledger.query.web",
                        "io.ledger.api.payment");
    }

    @Test
    void theQuerySideKnowsNeitherTheCommandSideNorTheWebhooks() {
        noClasses()
                .that()
                .resideInAPackage("io.ledger.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.ledger.command..", "io.ledger.webhook..", "io.ledger.app..")
                .because("the sides talk through shared-api's messages only")
                .allowEmptyShould(false)
                .check(LEDGER);
    }

    @Test
    void packagesOfTheQuerySideAreFreeOfCycles() {
        slices().matching("io.ledger.query.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false)
                .check(LEDGER);
    }

    @Test
    void controllersAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .because("a controller is reached through HTTP only")
                .allowEmptyShould(false)
                .check(LEDGER);
    }

    @Test
    void projectionsAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(ProcessingGroup.class)
                .or(HANDLE_EVENTS)
                .should()
                .notBePublic()
                .because("a projection is reached through its events only")
                .allowEmptyShould(false)
                .check(LEDGER);
    }

    @Test
    void noFloatingPointAnywhere() {
        NoFloatingPoint.everywhere().check(LEDGER);
    }

    @Test
    void theFloatingPointRuleCatchesFloatsWhereverTheyHide() {
        JavaClasses priced = new ClassFileImporter().importClasses(Priced.class);

        assertThat(classes()
                        .should(NoFloatingPoint.useNoFloatingPoint())
                        .evaluate(priced)
                        .getFailureReport()
                        .getDetails())
                .hasSize(3)
                .anySatisfy(detail -> assertThat(detail).contains("Priced.price is floating point"))
                .anySatisfy(detail -> assertThat(detail).contains("takes a floating-point parameter"))
                .anySatisfy(detail -> assertThat(detail).contains("returns floating point"));
    }

    /** What the rule must refuse: a float field, parameter and result. */
    @SuppressWarnings("unused")
    private static final class Priced {
        private double price;

        private Double[] discounted(float rate) {
            return new Double[0];
        }
    }
}
