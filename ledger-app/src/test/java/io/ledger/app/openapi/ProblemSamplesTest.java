package io.ledger.app.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class ProblemSamplesTest {

    @Test
    void everyCodeOfTheTableHasAnExampleOfAPathThatAnswersIt() {
        assertThat(ProblemCode.values()).allSatisfy(code -> {
            ProblemSamples.Sample sample = ProblemSamples.of(code);
            assertThat(sample.detail()).isNotBlank();
            assertThat(sample.instance()).startsWith("/api/");
        });
    }
}
