package io.ledger.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call the API. With {@code LEDGER_JWT_SECRET} set, every call but the health check, the API description and
 * Stripe's signed webhooks needs a bearer token signed with it (docs/api.md, "Callers and tokens"); without it the API
 * is open, for a ledger behind a gateway that authenticates for it. {@code LEDGER_RATE_LIMIT_PER_SECOND} limits each
 * caller either way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({JwtSettings.class, RateLimitSettings.class})
class SecurityConfiguration {

    static final String STRIPE_WEBHOOKS = "/api/webhooks/stripe";

    /**
     * What anyone may call: the health check, the API description, error pages, and Stripe's webhooks, which prove
     * themselves with the Stripe-Signature header instead.
     */
    private static final RequestMatcher PUBLIC = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/actuator/health"),
            PathPatternRequestMatcher.pathPattern("/actuator/health/**"),
            PathPatternRequestMatcher.pathPattern("/v3/api-docs"),
            PathPatternRequestMatcher.pathPattern("/v3/api-docs/**"),
            PathPatternRequestMatcher.pathPattern("/swagger-ui.html"),
            PathPatternRequestMatcher.pathPattern("/swagger-ui/**"),
            PathPatternRequestMatcher.pathPattern("/error"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, STRIPE_WEBHOOKS));

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ProblemResponses problems, JwtSettings jwt, RateLimitSettings rateLimit) {
        int perSecond = rateLimit.perSecond();
        if (!jwt.required()) {
            log.warn("LEDGER_JWT_SECRET is not set: the API takes calls without a token");
            if (perSecond == 0) {
                // Nothing to check: the chain applies to no request, so calls skip a dozen filters that would
                // decide nothing.
                return http.securityMatcher(request -> false).build();
            }
        }
        // Bearer tokens only: no session, no cookie, so nothing for a cross-site request to ride on.
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!jwt.required()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        } else {
            http.authorizeHttpRequests(SecurityConfiguration::rules)
                    .oauth2ResourceServer(server -> server.bearerTokenResolver(tokensOutsidePublicCalls())
                            .jwt(tokens -> tokens.decoder(BearerTokens.decoder(jwt.secret())))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems));
        }
        if (perSecond > 0) {
            http.addFilterAfter(new CallerRateLimitFilter(perSecond, problems), AuthorizationFilter.class);
        }
        return http.build();
    }

    /** A public call is not judged by a token it happens to carry (an expired one, say, or Stripe's own header). */
    private static BearerTokenResolver tokensOutsidePublicCalls() {
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        return request -> PUBLIC.matches(request) ? null : tokens.resolve(request);
    }

    /**
     * The refusals as problems: the chain's 401, 403 and 429, and, as the application's {@link RequestRejectedHandler},
     * the URLs the firewall refuses (it runs whether or not a chain applies).
     */
    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(PUBLIC)
                .permitAll()
                .requestMatchers(STRIPE_WEBHOOKS + "/**")
                .access(Scopes.require(Scopes.WEBHOOKS_ADMIN))
                // Reads by method, everything else is a write: a future PUT or DELETE is not open to readers.
                .requestMatchers(HttpMethod.GET, "/api/payments/**")
                .access(Scopes.require(Scopes.PAYMENTS_READ))
                .requestMatchers(HttpMethod.HEAD, "/api/payments/**")
                .access(Scopes.require(Scopes.PAYMENTS_READ))
                .requestMatchers("/api/payments/**")
                .access(Scopes.require(Scopes.PAYMENTS_WRITE))
                .requestMatchers("/api/ledger/**")
                .access(Scopes.require(Scopes.LEDGER_READ))
                .requestMatchers("/api/audit/**")
                .access(Scopes.require(Scopes.AUDIT))
                .requestMatchers("/actuator/**")
                .access(Scopes.require(Scopes.OPERATIONS))
                .anyRequest()
                .authenticated();
    }
}
