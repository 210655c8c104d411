package io.ledger.app.openapi;

import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens and the scope each call needs, as the OpenAPI description tells them. The rules themselves are
 * {@code io.ledger.app.security.SecurityConfiguration}'s; {@code DocumentedScopesIT} asks the running ledger for every
 * documented call, so this table cannot drift from them unnoticed.
 */
final class CallerScopes {

    static final String SCHEME = "bearer";

    /** Stripe proves its webhooks with their signature instead of a token. */
    static final String PUBLIC_WEBHOOKS = "/api/webhooks/stripe";

    /** First match wins, as in the security rules: a path prefix, the methods it covers (empty: all), the scope. */
    private record Rule(String prefix, List<HttpMethod> methods, String scope) {

        boolean matches(HttpMethod method, String path) {
            return (path.equals(prefix) || path.startsWith(prefix + "/"))
                    && (methods.isEmpty() || methods.contains(method));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("/api/webhooks/stripe", List.of(), "webhooks:admin"),
            new Rule("/api/payments", List.of(HttpMethod.GET, HttpMethod.HEAD), "payments:read"),
            new Rule("/api/payments", List.of(), "payments:write"),
            new Rule("/api/ledger", List.of(), "ledger:read"),
            new Rule("/api/audit", List.of(), "audit"));

    private CallerScopes() {}

    /**
     * The scopes a token needs for the call: one, or none when any valid token will do (a path no rule names, as the
     * security rules' last line says); empty for a call that needs no token at all.
     */
    static Optional<List<String>> scopesFor(HttpMethod method, String path) {
        if (method == HttpMethod.POST && path.equals(PUBLIC_WEBHOOKS)) {
            return Optional.empty();
        }
        return Optional.of(RULES.stream()
                .filter(rule -> rule.matches(method, path))
                .map(Rule::scope)
                .limit(1)
                .toList());
    }

    static SecurityScheme scheme() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("""
                        With `LEDGER_JWT_SECRET` set, every call but Stripe's webhooks (and the health check and this \
                        description) needs `Authorization: Bearer <token>`: an HS256 JWT signed with that secret whose \
                        `sub` names the caller. `exp` and `nbf` are honoured when present, with 60 s of clock skew; \
                        `./ledger-token` mints tokens. The caller's `sub` is the `actor` of every event its calls \
                        cause and scopes its idempotency keys. Without the secret the ledger takes calls without a \
                        token (behind a gateway that authenticates for it) and every caller is `anonymous`.

                        A token without a `scope` claim may make every call, like a Stripe secret key. One with a \
                        `scope` (space separated, or `scp` as a list) may make only the calls its scopes cover, like a \
                        Stripe restricted key; each operation names the scope it needs:

                        | scope | calls |
                        | --- | --- |
                        | `payments:write` | every `/api/payments/**` call but reads: create, confirm, fail, cancel, \
                        refund, reconcile |
                        | `payments:read` | every `GET` of `/api/payments/**`: the list, a payment, its disputes, \
                        stats, unreconciled, reconciliation, export, the feed |
                        | `ledger:read` | `/api/ledger/**` |
                        | `audit` | `/api/audit/**`, rebuilds included |
                        | `webhooks:admin` | `/api/webhooks/stripe/dead-letters/**` |
                        | `operations` | `/actuator/**` beyond health |

                        A missing or invalid token is 401 `unauthorized`; a token whose scopes do not cover the call \
                        is 403 `forbidden`, naming the scope it needed.""");
    }
}
