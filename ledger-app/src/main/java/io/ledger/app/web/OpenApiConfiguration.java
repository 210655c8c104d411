package io.ledger.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the API in the OpenAPI description served at /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("The ledger")
                        .description("Event-sourced payment ledger: amounts are integers in the currency's minor unit;"
                                + " errors are RFC 9457 problems; POSTs accept an Idempotency-Key.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")));
    }
}
