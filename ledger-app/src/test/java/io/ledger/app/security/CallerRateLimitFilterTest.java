package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The limit as the filter applies it, without the security chain around it (SecurityIT runs it with tokens). */
class CallerRateLimitFilterTest {

    private final CallerRateLimitFilter filter = new CallerRateLimitFilter(
            new LocalCallerLimits(2),
            2,
            new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void callersWithoutATokenShareOneCount() throws Exception {
        assertThat(status("GET", "/api/payments", null)).isEqualTo(200);
        assertThat(status("GET", "/api/ledger/accounts", null)).isEqualTo(200);

        MockHttpServletResponse third = call("GET", "/api/payments", null);
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getContentAsString()).contains("\"code\":\"rate_limited\"");
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void eachCallerHasItsOwnCount() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(status("GET", "/api/payments", "shop-a")).isEqualTo(200);
        }
        assertThat(status("GET", "/api/payments", "shop-a")).isEqualTo(429);
        assertThat(status("GET", "/api/payments", "shop-b")).isEqualTo(200);
    }

    @Test
    void stripesWebhooksAndCallsOutsideTheApiAreNotCounted() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(status("POST", "/api/webhooks/stripe", null)).isEqualTo(200);
            assertThat(status("GET", "/actuator/health", null)).isEqualTo(200);
        }
        // The webhook's operator endpoints are the API's, and counted.
        assertThat(status("GET", "/api/webhooks/stripe/dead-letters", null)).isEqualTo(200);
        assertThat(status("GET", "/api/webhooks/stripe/dead-letters", null)).isEqualTo(200);
        assertThat(status("GET", "/api/webhooks/stripe/dead-letters", null)).isEqualTo(429);
    }

    private int status(String method, String path, String caller) throws ServletException, IOException {
        return call(method, path, caller).getStatus();
    }

    private MockHttpServletResponse call(String method, String path, String caller)
            throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (caller != null) {
            Principal principal = () -> caller;
            request.setUserPrincipal(principal);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
