package io.ledger.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What a token may do. A token without a {@code scope} (or {@code scp}) claim may do everything, like a Stripe secret
 * key; one with scopes is restricted to them, like a Stripe restricted key.
 */
final class Scopes {

    static final String PAYMENTS_WRITE = "payments:write";
    static final String PAYMENTS_READ = "payments:read";
    static final String LEDGER_READ = "ledger:read";
    static final String AUDIT = "audit";
    static final String WEBHOOKS_ADMIN = "webhooks:admin";
    static final String OPERATIONS = "operations";

    /** The request attribute naming the scope a refused call needed, for the 403 problem's detail. */
    static final String REQUIRED = Scopes.class.getName() + ".required";

    private Scopes() {}

    static AuthorizationManager<RequestAuthorizationContext> require(String scope) {
        return (authentication, context) -> {
            boolean granted = grants(authentication.get(), scope);
            if (!granted) {
                context.getRequest().setAttribute(REQUIRED, scope);
            }
            return new AuthorizationDecision(granted);
        };
    }

    static boolean grants(Authentication authentication, String scope) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return false;
        }
        Jwt jwt = token.getToken();
        if (!jwt.hasClaim("scope") && !jwt.hasClaim("scp")) {
            return true;
        }
        String authority = "SCOPE_" + scope;
        return token.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
    }

    static String required(HttpServletRequest request) {
        return (String) request.getAttribute(REQUIRED);
    }
}
