package io.ledger.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the API in the OpenAPI description served at /v3/api-docs and /swagger-ui.html, with the bearer tokens it takes
 * when LEDGER_JWT_SECRET is set (README "Callers and tokens").
 */
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
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("HS256, signed with LEDGER_JWT_SECRET; `sub` names the caller")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
