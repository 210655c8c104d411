package io.ledger.app.security;

import io.ledger.api.caller.Caller;
import io.ledger.api.caller.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What a token may do: exactly the contract's scopes it names in {@code scope} (space separated) or {@code scp} (a
 * list). A token without a scope may do nothing; words the ledger does not know are ignored.
 */
final class Scopes {

    /** Spring Security's prefix for the authorities it reads from {@code scope} and {@code scp}. */
    private static final String AUTHORITY_PREFIX = "SCOPE_";

    /** The request attribute naming the scopes a refused call needed, for the 403 problem and its challenge. */
    static final String REQUIRED = Scopes.class.getName() + ".required";

    private Scopes() {}

    /** Allows the call when the token grants any of the scopes. */
    static AuthorizationManager<RequestAuthorizationContext> requireAny(Set<Scope> anyOf) {
        return (authentication, context) -> {
            Set<Scope> granted = granted(authentication.get());
            boolean allowed = anyOf.stream().anyMatch(granted::contains);
            if (!allowed) {
                context.getRequest().setAttribute(REQUIRED, wire(anyOf));
            }
            return new AuthorizationDecision(allowed);
        };
    }

    /** The scopes an authenticated token grants; none for anything else. */
    static Set<Scope> granted(@Nullable Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Set.of();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (GrantedAuthority authority : token.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(AUTHORITY_PREFIX)) {
                Scope.fromWire(name.substring(AUTHORITY_PREFIX.length())).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    /** The caller an authenticated token names. */
    static Caller caller(JwtAuthenticationToken token) {
        return new Caller(token.getName(), granted(token));
    }

    /** The scopes as a challenge's {@code scope} attribute spells them: space separated, in the table's order. */
    static String wire(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::wire).collect(Collectors.joining(" "));
    }

    static @Nullable String required(HttpServletRequest request) {
        return (String) request.getAttribute(REQUIRED);
    }
}
