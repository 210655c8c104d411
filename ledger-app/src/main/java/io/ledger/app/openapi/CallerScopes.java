package io.ledger.app.openapi;

import io.ledger.api.caller.Scope;
import io.ledger.app.security.RouteScopes;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens and the scopes each call needs, as the OpenAPI description tells them, read from the table the
 * security rules are built from ({@link RouteScopes}); {@code DocumentedScopesIT} asks the running ledger for every
 * documented call, so the description cannot drift from the rules unnoticed.
 */
final class CallerScopes {

    static final String SCHEME = "bearer";

    private CallerScopes() {}

    /**
     * The scopes any one of which allows the call, from {@link RouteScopes}; none when any valid token may try it (a
     * path the table does not name); empty for a call that needs no token at all.
     */
    static Optional<List<String>> scopesFor(HttpMethod method, String path) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        Optional<RouteScopes.Rule> rule =
                RouteScopes.ruleFor(org.springframework.http.HttpMethod.valueOf(method.name()), concrete);
        if (rule.isPresent() && rule.get().open()) {
            return Optional.empty();
        }
        return Optional.of(rule.map(found ->
                        EnumSet.copyOf(found.anyOf()).stream().map(Scope::wire).toList())
                .orElse(List.of()));
    }

    static SecurityScheme scheme() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("""
                        Every call but the health check, this description and Stripe's webhooks (which their \
                        signature proves) needs `Authorization: Bearer <JWT>`, unless the operator turned \
                        authentication off (`LEDGER_AUTH=none`, behind a gateway). The token's `sub` is the caller: \
                        the `actor` of every event its calls cause and the owner of its idempotency keys. Its \
                        `scope` (space separated, or `scp` as a list) says what it may do; a token without a scope \
                        may do nothing. Each operation names the scopes, any one of which allows it:

                        | scope | calls |
                        | --- | --- |
                        | `payments:write` | create, confirm, fail, cancel any payment |
                        | `payments:write:own` | create, confirm, cancel payments whose `customerId` is the token's \
                        `sub` (an omitted `customerId` is the `sub`; another is 403) |
                        | `refunds:write` | refunds |
                        | `reconcile:write` | reconcile |
                        | `payments:read` | read and list any payment, its disputes, the live feed, the export |
                        | `payments:read:own` | the same, confined to the caller's own payments: another \
                        customer's payment is 404 |
                        | `analytics:read` | stats, unreconciled, reconciliation, export, `/api/ledger/**` |
                        | `audit:read` | `GET /api/audit/**` |
                        | `audit:replay` | `POST /api/audit/**` |
                        | `webhooks:admin` | webhook dead letters |
                        | `operations` | `/actuator/**` beyond health |

                        A missing, expired, not-yet-valid, wrongly signed or wrong-audience token is 401 \
                        `unauthorized`; a token whose scopes do not cover the call is 403 `forbidden`, naming the \
                        scopes that would.""");
    }
}
