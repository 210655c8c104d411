package io.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.junit.jupiter.api.Test;

/**
 * Every projection of the query side has its tables listed for verification, so that a new read model cannot slip
 * past {@code GET /api/audit/verify} (which would otherwise refuse to run only when first called).
 */
class ReadModelTablesTest {

    @Test
    void everyProcessingGroupOfTheQuerySideHasItsTablesListed() {
        List<String> groups = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.ledger.query")
                        .stream()
                        .filter(type -> type.isAnnotatedWith(ProcessingGroup.class))
                        // Kept records that are never rebuilt (receipts) are no read model.
                        .filter(type -> !type.isAnnotatedWith(DisallowReplay.class))
                        .map(JavaClass::reflect)
                        .map(type -> type.getAnnotation(ProcessingGroup.class).value())
                        .toList();

        assertThat(groups).isNotEmpty();
        assertThat(ReadModelTables.BY_PROCESSOR.keySet()).containsExactlyInAnyOrderElementsOf(groups);
    }
}
