package io.ledger.app.web;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Requests no endpoint takes are answered with problems too, like every other error. */
@LedgerIntegrationTest
class RouteProblemsIT {

    @Autowired
    RestTestClient client;

    @Test
    void aPathNothingAnswersIsANotFoundProblem() {
        LedgerApi.Answer answer = new LedgerApi(client).get("/api/nothing-here");

        assertProblem(answer, 404, "not_found");
        assertThat(answer.json().get("detail").asString()).contains("/api/nothing-here");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aMethodThePathDoesNotTakeIsAMethodNotAllowedProblemNamingTheMethodsItTakes() {
        LedgerApi.Answer answer = new LedgerApi(client).delete("/api/payments");

        assertProblem(answer, 405, "method_not_allowed");
        assertThat(answer.header(HttpHeaders.ALLOW)).contains("GET").contains("POST");
    }
}
