package io.ledger.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}): the API's name, its
 * conventions and tags here, what every call shares in {@link LedgerConventions}, what each call does in its
 * controller's annotations. {@code docs/api.md} says how to lint it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("The ledger")
                        .version("v1")
                        .description("""
                                An event-sourced payment ledger: every change of a payment is an immutable event, \
                                read models answer the queries, and a double-entry journal and a hash-chained audit \
                                log follow the events.

                                - **Money** is an integer in the currency's minor unit (`"amount": 1999` is 19.99 \
                                USD) with an ISO 4217 code, lowercase in answers and accepted in either case. Never \
                                a float.
                                - **Timestamps** are ISO-8601 UTC strings; **ids** are opaque strings with a type \
                                prefix (`pay_`, `re_`).
                                - **Lists** are keyset-paginated: `?limit=20&cursor=...` answers `{"data", \
                                "hasMore", "nextCursor"}`.
                                - **Errors** are RFC 9457 problems (`application/problem+json`) with a stable \
                                `code`; a 4xx leaves nothing behind. Unknown request fields and unknown query \
                                parameters are refused.
                                - **Retries**: every POST takes an `Idempotency-Key`; the payment calls store their \
                                answer with it and replay it to a retry.
                                - **Request ids**: every answer carries `X-Request-Id`, the caller's own when it sent \
                                one; it is the `correlationId` of every event the request caused.""")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server()
                        .url("/")
                        .description("The ledger serving this description (`./ledger` runs one on port 8080).")))
                .tags(List.of(
                        tag("Payments", "Create payments and move them: confirm, fail, cancel, refund, reconcile."),
                        tag(
                                "Payment history",
                                "Payments as the read model holds them: one, a list, an export, a live feed."),
                        tag("Checkout", "Hosted checkout sessions: a payment and the page where its customer pays."),
                        tag(
                                "Reporting",
                                "Figures per currency: stats, unreconciled payments, reconciliation, statements."),
                        tag("Journal", "The double-entry journal: accounts, their lines, the trial balance."),
                        tag("Audit", "The event store as stored, payments at an instant, the hash chain's checks."),
                        tag("Projections", "The read models' processors and their rebuilds."),
                        tag("Webhooks", "Stripe's events in, and the dead letters for operators.")))
                .components(new Components().addSecuritySchemes(CallerScopes.SCHEME, CallerScopes.scheme()));
    }

    @Bean
    OpenApiCustomizer ledgerConventions() {
        return new LedgerConventions();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
