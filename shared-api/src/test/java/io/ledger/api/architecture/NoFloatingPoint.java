package io.ledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The money rule every module's ArchitectureTest checks: no {@code float} or {@code double} (boxed or not, or arrays
 * of them) in fields, parameters or results. Shared through shared-api's test jar.
 */
public final class NoFloatingPoint {

    private NoFloatingPoint() {}

    /** The rule as every module states it: no class of the ledger uses floating point. */
    public static ArchRule everywhere() {
        return classes()
                .that()
                .resideInAPackage("io.ledger..")
                .should(useNoFloatingPoint())
                .because("money is exact: never a float anywhere")
                .allowEmptyShould(false);
    }

    public static ArchCondition<JavaClass> useNoFloatingPoint() {
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
