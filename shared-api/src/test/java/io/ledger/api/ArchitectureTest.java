package io.ledger.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import io.ledger.api.architecture.NoFloatingPoint;

/** shared-api is the published language: plain Java value types and messages, nothing else. */
@AnalyzeClasses(packages = "io.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaAndAnnotations = classes()
            .that()
            .resideInAPackage("io.ledger.api..")
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage(
                    "java..", "com.fasterxml.jackson.annotation..", "org.jspecify.annotations..", "io.ledger.api.."))
            .because("shared-api holds messages and value types: no Spring, Axon, JPA or Stripe");

    @ArchTest
    static final ArchRule messagesAreRecordsEnumsOrSealedInterfaces = classes()
            .that()
            .resideInAPackage("io.ledger.api.payment..")
            .and()
            .doNotHaveSimpleName("package-info")
            .should(beARecordAnEnumOrASealedInterface());

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("io.ledger.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noFloatingPoint = NoFloatingPoint.everywhere();

    private static ArchCondition<JavaClass> beARecordAnEnumOrASealedInterface() {
        DescribedPredicate<JavaClass> valueType = DescribedPredicate.describe(
                "a record, an enum or a sealed interface",
                javaClass -> javaClass.isRecord()
                        || javaClass.isEnum()
                        || (javaClass.isInterface() && javaClass.reflect().isSealed()));
        return ArchConditions.be(valueType);
    }
}
