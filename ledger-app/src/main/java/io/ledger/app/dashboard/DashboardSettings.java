package io.ledger.app.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.dashboard.*} (env {@code LEDGER_DASHBOARD_...}): how the analysts' page signs people in through the
 * OIDC issuer of {@code LEDGER_JWT_ISSUER_URI}, when one is configured.
 *
 * @param clientId the page's client id at the issuer (a public client: authorization code with PKCE, no secret);
 *     blank: the page offers only pasting a token
 * @param scope the scopes the page asks the issuer for, space separated
 */
@ConfigurationProperties("ledger.dashboard")
record DashboardSettings(
        @DefaultValue("") String clientId,

        @DefaultValue("openid payments:read analytics:read audit:read")
        String scope) {}
