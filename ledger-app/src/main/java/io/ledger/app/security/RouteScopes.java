package io.ledger.app.security;

import static io.ledger.api.caller.Scope.ANALYTICS_READ;
import static io.ledger.api.caller.Scope.AUDIT_READ;
import static io.ledger.api.caller.Scope.AUDIT_REPLAY;
import static io.ledger.api.caller.Scope.CUSTOMERS;
import static io.ledger.api.caller.Scope.CUSTOMERS_OWN;
import static io.ledger.api.caller.Scope.OPERATIONS;
import static io.ledger.api.caller.Scope.PAYMENTS_ADMIN;
import static io.ledger.api.caller.Scope.PAYMENTS_READ;
import static io.ledger.api.caller.Scope.PAYMENTS_READ_OWN;
import static io.ledger.api.caller.Scope.PAYMENTS_WRITE;
import static io.ledger.api.caller.Scope.PAYMENTS_WRITE_OWN;
import static io.ledger.api.caller.Scope.RECONCILE_WRITE;
import static io.ledger.api.caller.Scope.REFUNDS_WRITE;
import static io.ledger.api.caller.Scope.WEBHOOKS_ADMIN;

import io.ledger.api.caller.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The contract's "Callers" table as routes: which scopes let a token make which call. The security rules and the
 * OpenAPI description both read it, and {@code DocumentedScopesIT} checks the running ledger against the description,
 * so the three cannot drift apart. First match wins; a route no rule names needs a token and nothing more (it answers
 * 404 or 405), and the route matrix test fails when a controller's route is missing here.
 */
public final class RouteScopes {

    /** Stripe proves its webhook deliveries with their signature instead of a token. */
    public static final String STRIPE_WEBHOOKS = "/api/webhooks/stripe";

    /** The simulated provider's hosted checkout pages, which need no token. */
    public static final String CHECKOUT_PAGES = "/checkout/**";

    /** The analysts' page and its files: public, it shows only what the API answers its user's token. */
    public static final String DASHBOARD_PAGE = "/dashboard";

    /** The analysts' page's scripts, styles and sign-in settings. */
    public static final String DASHBOARD_FILES = "/dashboard/**";

    /** Libraries served from the jar (the dashboard's charts). */
    public static final String WEBJARS = "/webjars/**";

    /**
     * One line of the table.
     *
     * @param method the method it covers; null: every method
     * @param pattern a Spring path pattern
     * @param anyOf the scopes, any one of which allows the call; empty: no token needed
     */
    public record Rule(@Nullable HttpMethod method, String pattern, Set<Scope> anyOf) {

        public Rule {
            anyOf = anyOf.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(anyOf));
        }

        boolean matches(HttpMethod method, String path) {
            return (this.method == null || this.method.equals(method))
                    && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
        }

        /** Whether anyone may make the call, token or not. */
        public boolean open() {
            return anyOf.isEmpty();
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private static final List<Rule> RULES = List.of(
            open(null, "/actuator/health"),
            open(null, "/actuator/health/**"),
            open(null, "/v3/api-docs"),
            open(null, "/v3/api-docs/**"),
            open(null, "/v3/api-docs.yaml"),
            open(null, "/swagger-ui.html"),
            open(null, "/swagger-ui/**"),
            open(null, "/error"),
            open(HttpMethod.POST, STRIPE_WEBHOOKS),
            // The simulated provider's checkout page: its address carries the session's unguessable id, as Stripe's.
            open(null, CHECKOUT_PAGES),
            // The analysts' page: HTML and files only; every figure on it is an API call with the user's token.
            open(null, DASHBOARD_PAGE),
            open(null, DASHBOARD_FILES),
            open(null, WEBJARS),
            rule(null, STRIPE_WEBHOOKS + "/**", WEBHOOKS_ADMIN),
            // Analysts' figures live under /api/payments too: named before the payment routes they resemble.
            rule(HttpMethod.GET, "/api/payments/stats", ANALYTICS_READ),
            rule(HttpMethod.GET, "/api/payments/unreconciled", ANALYTICS_READ),
            rule(HttpMethod.GET, "/api/payments/reconciliation", ANALYTICS_READ),
            rule(HttpMethod.GET, "/api/payments/reports", ANALYTICS_READ),
            rule(HttpMethod.GET, "/api/payments/export", ANALYTICS_READ, PAYMENTS_READ, PAYMENTS_READ_OWN),
            rule(HttpMethod.GET, "/api/payments", PAYMENTS_READ, PAYMENTS_READ_OWN),
            rule(HttpMethod.GET, "/api/payments/**", PAYMENTS_READ, PAYMENTS_READ_OWN),
            rule(HttpMethod.HEAD, "/api/payments/**", PAYMENTS_READ, PAYMENTS_READ_OWN),
            rule(HttpMethod.POST, "/api/payments", PAYMENTS_WRITE, PAYMENTS_WRITE_OWN),
            rule(HttpMethod.POST, "/api/payments/batch", PAYMENTS_WRITE, PAYMENTS_WRITE_OWN),
            rule(HttpMethod.POST, "/api/payments/*/confirm", PAYMENTS_WRITE, PAYMENTS_WRITE_OWN),
            rule(HttpMethod.POST, "/api/payments/*/cancel", PAYMENTS_WRITE, PAYMENTS_WRITE_OWN),
            rule(HttpMethod.POST, "/api/payments/*/refunds", REFUNDS_WRITE),
            rule(HttpMethod.POST, "/api/payments/*/reconcile", RECONCILE_WRITE),
            rule(HttpMethod.POST, "/api/payments/*/simulate", PAYMENTS_ADMIN),
            rule(HttpMethod.DELETE, "/api/payments/*", PAYMENTS_ADMIN),
            // Not payments:write:own: a customer at checkout could lower what it is about to pay.
            rule(HttpMethod.PATCH, "/api/payments/*", PAYMENTS_WRITE),
            // Every other write to a payment (fail, and whatever comes next) is the shop backend's alone.
            rule(null, "/api/payments/**", PAYMENTS_WRITE),
            rule(null, "/api/ledger/**", ANALYTICS_READ),
            rule(HttpMethod.GET, "/api/audit/**", AUDIT_READ),
            rule(HttpMethod.HEAD, "/api/audit/**", AUDIT_READ),
            rule(null, "/api/audit/**", AUDIT_REPLAY),
            rule(null, "/api/customers/**", CUSTOMERS, CUSTOMERS_OWN),
            rule(HttpMethod.POST, "/api/checkout/sessions", PAYMENTS_WRITE, PAYMENTS_WRITE_OWN),
            rule(HttpMethod.GET, "/api/checkout/sessions/*", PAYMENTS_READ, PAYMENTS_READ_OWN),
            rule(HttpMethod.HEAD, "/api/checkout/sessions/*", PAYMENTS_READ, PAYMENTS_READ_OWN),
            rule(null, "/actuator/**", OPERATIONS));

    private RouteScopes() {}

    /** The table, first match first. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The first rule covering the call; empty when none does (any valid token may then try it). */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    private static Rule open(@Nullable HttpMethod method, String pattern) {
        return new Rule(method, pattern, Set.of());
    }

    private static Rule rule(@Nullable HttpMethod method, String pattern, Scope first, Scope... more) {
        return new Rule(method, pattern, EnumSet.of(first, more));
    }
}
