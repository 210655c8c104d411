package io.ledger.app.security;

import io.ledger.api.caller.Caller;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call the API (docs/security.md): every call but the public ones of {@link RouteScopes} carries a bearer token
 * whose scopes cover the call, checked with the key {@link TokenDecoders} chooses (never none: only
 * {@code LEDGER_AUTH=none} opens the API). Either way the chain applies to every request: {@code
 * LEDGER_RATE_LIMIT_PER_SECOND} limits each caller, {@code LEDGER_CORS_ALLOWED_ORIGINS} names the browser origins that
 * may call, and Spring Security's headers are written. Controllers learn the caller by declaring a {@link Caller}
 * parameter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({
    AuthSettings.class,
    JwtSettings.class,
    DataDirectorySettings.class,
    CorsSettings.class,
    RateLimitSettings.class
})
class SecurityConfiguration {

    static final String STRIPE_WEBHOOKS = RouteScopes.STRIPE_WEBHOOKS;

    /** What anyone may call: the table's open rules (health, the API description, Stripe's signed webhooks). */
    private static final RequestMatcher PUBLIC = new OrRequestMatcher(RouteScopes.rules().stream()
            .filter(RouteScopes.Rule::open)
            .map(SecurityConfiguration::matcher)
            .toList());

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            AuthSettings auth,
            JwtSettings jwt,
            DataDirectorySettings data,
            CorsSettings cors,
            RateLimitSettings rateLimit,
            CallerLimits callerLimits) {
        // Bearer tokens only: no session, no cookie, so nothing for a cross-site request to ride on.
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // Spring's CORS filter where Spring Security puts it, refusing with problems (CrossOrigins); Spring
                // Security's default headers stay on (nosniff, no caching, frame denial, ...).
                .cors(AbstractHttpConfigurer::disable)
                .addFilterAt(CrossOrigins.filter(cors, problems), CorsFilter.class)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (auth.off()) {
            log.warn("LEDGER_AUTH=none: the API asks no caller for a token; every call is the anonymous caller's,"
                    + " with every scope. Only run it so behind a gateway that authenticates for it.");
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        } else {
            JwtDecoder decoder = TokenDecoders.configured(jwt, data.dataDir());
            http.authorizeHttpRequests(SecurityConfiguration::rules)
                    .oauth2ResourceServer(server -> server.bearerTokenResolver(tokensOutsidePublicCalls())
                            .jwt(tokens -> tokens.decoder(decoder))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems));
        }
        int perSecond = rateLimit.perSecond();
        if (perSecond > 0) {
            http.addFilterAfter(
                    new CallerRateLimitFilter(callerLimits, perSecond, problems), AuthorizationFilter.class);
        }
        return http.build();
    }

    /**
     * Where each caller's calls are counted ({@link RateLimitSettings#store()}): one node counts in memory; the nodes of
     * a cluster ({@code ledger.cluster.members}) count together in PostgreSQL, so a caller gets its limit once, not once
     * per node.
     */
    @Bean
    CallerLimits callerLimits(
            RateLimitSettings rateLimit, Environment environment, ObjectProvider<DataSource> database) {
        if (rateLimit.perSecond() == 0) {
            return caller -> true; // no limit: the filter is not installed
        }
        List<String> members = Binder.get(environment)
                .bind("ledger.cluster.members", Bindable.listOf(String.class))
                .orElse(List.of());
        if (rateLimit.sharedAcross(members)) {
            log.info(
                    "Rate limits ({} calls a second per caller) are counted across the cluster's nodes in PostgreSQL",
                    rateLimit.perSecond());
            return new SharedCallerLimits(database.getObject(), rateLimit.perSecond());
        }
        return new LocalCallerLimits(rateLimit.perSecond());
    }

    /**
     * Spring Security's strict firewall as it is, but for how it checks header names and values ({@link
     * HeaderCharacters}: the same rule, without a regular expression per header read).
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    /** A public call is not judged by a token it happens to carry (an expired one, say, or Stripe's own header). */
    private static BearerTokenResolver tokensOutsidePublicCalls() {
        BearerTokenResolver tokens = new BearerHeader();
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

    /** Lets controllers take the {@link Caller} as a parameter. */
    @Bean
    WebMvcConfigurer callerParameters(AuthSettings auth) {
        HandlerMethodArgumentResolver callers = new CallerArgumentResolver(auth.off());
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(callers);
            }
        };
    }

    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (RouteScopes.Rule rule : RouteScopes.rules()) {
            var matched = requests.requestMatchers(matcher(rule));
            if (rule.open()) {
                matched.permitAll();
            } else {
                matched.access(Scopes.requireAny(rule.anyOf()));
            }
        }
        requests.anyRequest().authenticated();
    }

    private static RequestMatcher matcher(RouteScopes.Rule rule) {
        HttpMethod method = rule.method();
        return method == null
                ? PathPatternRequestMatcher.pathPattern(rule.pattern())
                : PathPatternRequestMatcher.pathPattern(method, rule.pattern());
    }
}
