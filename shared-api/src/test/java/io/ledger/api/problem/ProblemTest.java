package io.ledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemTest {

    private final JsonMapper json = JsonMapper.builder().build();

    /** A rule of some module, as every module's rule exceptions are written. */
    static final class RefundTooLate extends LedgerProblem {
        RefundTooLate() {
            super(ProblemCode.INVALID_STATE_TRANSITION, "cannot refund payment pay_1: it is refunded");
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", "5");
        }
    }

    static final class AmountMissing extends LedgerProblem {
        AmountMissing() {
            super("amount", "amount is required");
        }
    }

    @Test
    void aRuleExceptionIsTheProblemOfItsCodeWithItsMessageAsDetail() {
        JsonNode problem = json.valueToTree(Problem.of(new RefundTooLate(), "/api/payments/pay_1/refunds"));

        assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail", "instance", "code");
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid_state_transition");
        assertThat(problem.get("title").asString()).isEqualTo("Invalid state transition");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("detail").asString()).isEqualTo("cannot refund payment pay_1: it is refunded");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/payments/pay_1/refunds");
        assertThat(problem.get("code").asString()).isEqualTo("invalid_state_transition");
    }

    @Test
    void aValidationProblemNamesItsFieldAndAlwaysCarriesItsErrors() {
        JsonNode named = json.valueToTree(Problem.of(new AmountMissing(), "/api/payments"));
        JsonNode unnamed = json.valueToTree(Problem.of(ProblemCode.VALIDATION_FAILED, "Not JSON.", "/api/payments"));

        assertThat(named.get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(named.get("errors").get(0).get("message").asString()).isEqualTo("amount is required");
        assertThat(unnamed.get("errors").isArray()).isTrue();
        assertThat(unnamed.get("errors").isEmpty()).isTrue();
    }

    @Test
    void aFrameworkRefusalKeepsItsOwnStatusUnderTheCodeOfItsKind() {
        Problem unsupported = Problem.of(
                ProblemCode.VALIDATION_FAILED, 415, "Content-Type 'text/plain' is not supported.", "/x", List.of());

        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.code()).isEqualTo("validation_failed");
        assertThat(unsupported.title()).isEqualTo(ProblemCode.VALIDATION_FAILED.title());
    }

    @Test
    void aRefusalKnownOnlyByItsStatusGetsTheCodeOfItsKind() {
        assertThat(ProblemCode.forStatus(404)).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(ProblemCode.forStatus(405)).isEqualTo(ProblemCode.METHOD_NOT_ALLOWED);
        assertThat(ProblemCode.forStatus(413)).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE);
        assertThat(ProblemCode.forStatus(400)).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(ProblemCode.forStatus(415)).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(ProblemCode.forStatus(500)).isEqualTo(ProblemCode.INTERNAL_ERROR);
        assertThat(ProblemCode.forStatus(503)).isEqualTo(ProblemCode.INTERNAL_ERROR);
    }

    @Test
    void theTableHoldsEveryCodeOfTheContractOnceWithAStatusAndATitle() {
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code))
                .contains(
                        "validation_failed",
                        "payment_not_found",
                        "invalid_state_transition",
                        "refund_exceeds_available",
                        "idempotency_key_reuse",
                        "idempotency_key_in_use",
                        "currency_mismatch",
                        "unauthorized",
                        "forbidden",
                        "rate_limited",
                        "invalid_signature",
                        "not_found",
                        "method_not_allowed",
                        "provider_unavailable")
                .doesNotHaveDuplicates();
        assertThat(ProblemCode.values()).allSatisfy(code -> {
            assertThat(code.status()).isBetween(400, 599);
            assertThat(code.title()).isNotBlank();
            assertThat(ProblemCode.of(code.code())).contains(code);
        });
        assertThat(ProblemCode.of("no_such_code")).isEmpty();
    }

    @Test
    void aRuleMayAddHeadersToItsAnswer() {
        assertThat(new RefundTooLate().headers()).containsEntry("Retry-After", "5");
        assertThat(new AmountMissing().headers()).isEmpty();
    }
}
