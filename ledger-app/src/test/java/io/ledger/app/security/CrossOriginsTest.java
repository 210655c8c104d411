package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** CORS as the filter decides it, without the chain around it (SecurityIT and OpenAccessIT send real preflights). */
class CrossOriginsTest {

    private final ProblemResponses problems =
            new ProblemResponses(JsonMapper.builder().build());

    @Test
    void byDefaultNoOriginIsListedAndEveryCrossOriginCallToTheApiIsRefusedWithAProblem() throws Exception {
        new ApplicationContextRunner()
                .withUserConfiguration(Enabled.class)
                .run(app -> assertThat(app.getBean(CorsSettings.class).allowedOrigins())
                        .isEmpty());

        MockHttpServletResponse preflight = send(new CorsSettings(List.of()), preflight("https://shop.example"));

        assertThat(preflight.getStatus()).isEqualTo(403);
        assertThat(preflight.getContentType()).isEqualTo("application/problem+json");
        assertThat(preflight.getContentAsString()).contains("\"code\":\"forbidden\"");
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aListedOriginMayCallWithTheApisMethodsAndHeadersAndReadItsHeaders() throws Exception {
        CorsSettings listed = new CorsSettings(List.of("https://shop.example", "http://localhost:3000"));

        MockHttpServletResponse preflight = send(listed, preflight("http://localhost:3000"));
        assertThat(preflight.getStatus()).isEqualTo(200);
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(preflight.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET,POST,PATCH,DELETE");
        assertThat(preflight.getHeader("Access-Control-Allow-Headers"))
                .containsIgnoringCase("authorization")
                .containsIgnoringCase("idempotency-key");

        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/payments");
        get.addHeader("Origin", "https://shop.example");
        MockHttpServletResponse actual = send(listed, get);
        assertThat(actual.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(actual.getHeader("Access-Control-Expose-Headers"))
                .contains("X-Request-Id")
                .contains("Idempotent-Replayed")
                .contains("Retry-After");

        MockHttpServletRequest put = preflight("https://shop.example");
        put.removeHeader("Access-Control-Request-Method");
        put.addHeader("Access-Control-Request-Method", "PUT");
        assertThat(send(listed, put).getStatus())
                .as("a method the API does not take")
                .isEqualTo(403);
        assertThat(send(listed, preflight("https://evil.example")).getStatus()).isEqualTo(403);
    }

    @Test
    void anOriginWithAPathStopsTheStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(Enabled.class)
                .withPropertyValues("ledger.cors.allowed-origins=https://shop.example/")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("must be an origin such as https://shop.example"));
    }

    private MockHttpServletResponse send(CorsSettings settings, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        CrossOrigins.filter(settings, problems).doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest preflight(String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/payments");
        request.addHeader("Origin", origin);
        request.addHeader("Access-Control-Request-Method", "POST");
        request.addHeader("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        return request;
    }

    @EnableConfigurationProperties(CorsSettings.class)
    static class Enabled {}
}
