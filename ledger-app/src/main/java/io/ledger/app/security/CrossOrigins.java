package io.ledger.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which browser origins may call the API: those {@code LEDGER_CORS_ALLOWED_ORIGINS} lists, none by default. Spring's
 * {@link CorsFilter} decides; its refusal (a preflight or a call from an origin not listed) is a 403 problem like every
 * other refusal rather than Spring's plain-text one.
 */
final class CrossOrigins {

    /** What a browser page may send and read: the API's own headers. */
    private static final List<String> REQUEST_HEADERS =
            List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", "X-Request-Id");

    private static final List<String> EXPOSED_HEADERS =
            List.of("X-Request-Id", "Idempotent-Replayed", HttpHeaders.RETRY_AFTER);

    private CrossOrigins() {}

    static CorsFilter filter(CorsSettings settings, ProblemResponses problems) {
        CorsFilter filter = new CorsFilter(source(settings));
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    static CorsConfigurationSource source(CorsSettings settings) {
        CorsConfiguration api = new CorsConfiguration();
        // An empty list allows no origin: every cross-origin call to the API is refused.
        api.setAllowedOrigins(settings.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
        api.setAllowedHeaders(REQUEST_HEADERS);
        api.setExposedHeaders(EXPOSED_HEADERS);
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource(PathPatternParser.defaultInstance);
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }

    /** Spring's CORS rules, refusing with a problem. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final ProblemResponses problems;

        ProblemCorsProcessor(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public boolean processRequest(
                @Nullable CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            boolean allowed = super.processRequest(config, request, response);
            if (!allowed) {
                problems.crossOriginRefused(request, response);
            }
            return allowed;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // The problem is written above, where the request's path is known.
        }
    }
}
