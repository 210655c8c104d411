package io.ledger.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CallerLogContextFilterTest {

    private final CallerLogContextFilter filter = new CallerLogContextFilter();
    private final List<String> seen = new ArrayList<>();
    private final FilterChain chain = (request, response) -> seen.add(MDC.get(LogContext.CALLER));

    @AfterEach
    void clearContext() {
        MDC.clear();
    }

    @Test
    void theCallerIsTheAuthenticatedPrincipalWhileTheRequestIsServedAndGoneAfterwards() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/payments");
        request.setUserPrincipal(() -> "merchant-42");

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(seen).containsExactly("merchant-42");
        assertThat(MDC.get(LogContext.CALLER)).isNull();
    }

    @Test
    void aRequestWithoutAPrincipalIsAnonymous() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/api/payments"), new MockHttpServletResponse(), chain);

        assertThat(seen).containsExactly("anonymous");
    }

    @Test
    void theCallerIsGoneEvenWhenTheRequestFails() {
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("boom");
        };
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/payments");
        request.setUserPrincipal(() -> "merchant-43");

        try {
            filter.doFilter(request, new MockHttpServletResponse(), failing);
        } catch (Exception expected) {
            assertThat(expected).hasMessage("boom");
        }

        assertThat(MDC.get(LogContext.CALLER)).isNull();
    }
}
