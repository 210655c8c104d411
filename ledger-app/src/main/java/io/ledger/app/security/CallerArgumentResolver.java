package io.ledger.app.security;

import io.ledger.api.caller.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller the {@link Caller} of its request: the token's subject and scopes, or, with authentication off,
 * the anonymous caller with every scope. With authentication on, a call that reached a controller without a token is a
 * misconfigured rule: refused rather than served as anyone.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final boolean authenticationOff;

    CallerArgumentResolver(boolean authenticationOff) {
        this.authenticationOff = authenticationOff;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        if (authenticationOff) {
            return Caller.UNAUTHENTICATED;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Scopes.caller(token);
        }
        throw new AccessDeniedException("No authenticated caller");
    }
}
