package io.ledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
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
import com.tngtech.archunit.lang.conditions.ArchConditions;
import java.util.Set;

/** shared-api is the published language: plain Java value types and messages, nothing else. */
@AnalyzeClasses(packages = "io.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaAndJacksonAnnotations = classes()
            .that()
            .resideInAPackage("io.ledger.api..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", "io.ledger.api..")
            .because("shared-api holds messages and value types: no Spring, Axon, JPA or Stripe");

    @ArchTest
    static final ArchRule messagesAreRecordsEnumsOrSealedInterfaces =
            classes().that().resideInAPackage("io.ledger.api.payment..").should(beARecordAnEnumOrASealedInterface());

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("io.ledger.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noFloatingPoint = classes()
            .that()
            .resideInAPackage("io.ledger..")
            .should(useNoFloatingPoint())
            .because("money is exact: never a float anywhere");

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

    private static ArchCondition<JavaClass> beARecordAnEnumOrASealedInterface() {
        DescribedPredicate<JavaClass> valueType = DescribedPredicate.describe(
                "a record, an enum or a sealed interface",
                javaClass -> javaClass.isRecord()
                        || javaClass.isEnum()
                        || (javaClass.isInterface() && javaClass.reflect().isSealed()));
        return ArchConditions.be(valueType);
    }
}
