package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description tells the truth about tokens: every call it says needs a scope refuses a call without a
 * token (401) and one whose token has another scope (403, naming that very scope), and the call it says needs no token
 * does not ask for one. Refused calls reach no controller, so probing every call changes nothing.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.jwt.secret=" + DocumentedScopesIT.SECRET)
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class DocumentedScopesIT {

    static final String SECRET = "a-secret-for-the-documented-scopes-test-32-bytes";

    /** The security scheme's name in the description. */
    private static final String SCHEME = "bearer";

    @Autowired
    RestTestClient client;

    @Test
    void everyCallNeedsTheScopeItsDescriptionNames() {
        String unrelated =
                TokenCommand.mint(SECRET, "scope-probe", "openapi:probe", Duration.ofMinutes(10), Instant.now());
        JsonNode description = LedgerApi.JSON.readTree(client.get()
                .uri("/v3/api-docs")
                .exchange()
                .returnResult(String.class)
                .getResponseBody());
        List<String> wrong = new ArrayList<>();
        int probed = 0;

        for (var path : description.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                String call = method + " " + path.getKey();
                String uri = path.getKey().replaceAll("\\{[^}]+}", "probe");
                JsonNode security = operation.getValue().get("security");
                probed++;
                if (security.isEmpty()) {
                    int status = exchange(method, uri, null).getStatus().value();
                    if (status == 401 || status == 403) {
                        wrong.add(call + " is documented without a token but answered " + status);
                    }
                    continue;
                }
                // One requirement per scope, any of which allows the call; the challenge names them all.
                List<String> alternatives = new ArrayList<>();
                security.forEach(
                        requirement -> requirement.get(SCHEME).forEach(scope -> alternatives.add(scope.asString())));
                String scope = String.join(" ", alternatives);
                int anonymous = exchange(method, uri, null).getStatus().value();
                if (anonymous != 401) {
                    wrong.add(call + " without a token answered " + anonymous + ", not 401");
                }
                EntityExchangeResult<String> refused = exchange(method, uri, unrelated);
                String challenge = refused.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
                if (refused.getStatus().value() != 403
                        || challenge == null
                        || !challenge.contains("scope=\"" + scope + "\"")) {
                    wrong.add(call + " is documented to need " + scope + " but answered "
                            + refused.getStatus().value() + " " + challenge);
                }
            }
        }

        assertThat(probed).isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    private EntityExchangeResult<String> exchange(HttpMethod method, String uri, String token) {
        // Without a token: without the test client's admin token either.
        RestTestClient caller = token == null ? LedgerApi.anonymousClient(client) : client;
        return caller.method(method)
                .uri(uri)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .exchange()
                .returnResult(String.class);
    }
}
