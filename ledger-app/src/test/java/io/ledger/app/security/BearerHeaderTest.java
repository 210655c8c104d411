package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The short way answers every request exactly as Spring Security's own resolver does. */
class BearerHeaderTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl-_~+/";

    @Test
    void everyRequestIsAnsweredAsSpringAnswersIt() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer " + JWT,
                "bearer " + JWT,
                "BEARER " + JWT,
                "Bearer " + JWT + "==",
                "Bearer " + JWT + "=a",
                "Bearer  " + JWT,
                "Bearer " + JWT + " ",
                "Bearer ",
                "Bearer",
                "Bearer =",
                "Bearer a,b",
                "Bearer a\tb",
                "Bearer é",
                "Basic dXNlcjpwYXNz",
                "Bearerx " + JWT,
                ""));
        List<String> disagreements = new ArrayList<>();
        for (String method : List.of("GET", "POST")) {
            for (String query : new String[] {null, "limit=5", "access_token=" + JWT}) {
                for (String type : new String[] {null, "application/json", "application/x-www-form-urlencoded"}) {
                    for (String header : headersAndNone(headers)) {
                        MockHttpServletRequest request = request(method, query, type, header);
                        String ours = outcome(() -> new BearerHeader().resolve(request));
                        String springs = outcome(() -> new DefaultBearerTokenResolver().resolve(request));
                        if (!ours.equals(springs)) {
                            disagreements.add(method + " ?" + query + " " + type + " [" + header + "]: " + ours + " vs "
                                    + springs);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theCommonCallTakesTheShortWay() {
        assertThat(BearerHeader.wellFormed("Bearer " + JWT)).isTrue();
        assertThat(BearerHeader.wellFormed("Bearer " + JWT + " ")).isFalse();
        assertThat(BearerHeader.wellFormed("Bearer ")).isFalse();
    }

    private static List<String> headersAndNone(List<String> headers) {
        List<String> all = new ArrayList<>(headers);
        all.add(null);
        return all;
    }

    private static MockHttpServletRequest request(String method, String query, String type, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/payments");
        if (query != null) {
            request.setQueryString(query);
            String[] pair = query.split("=", 2);
            request.addParameter(pair[0], pair[1]);
        }
        if (type != null) {
            request.setContentType(type);
        }
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        return request;
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
