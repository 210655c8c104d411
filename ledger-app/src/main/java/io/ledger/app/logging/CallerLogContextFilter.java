package io.ledger.app.logging;

import io.ledger.api.metadata.EventMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the caller of the request being served in the logging context under {@value LogContext#CALLER}, beside its
 * request id, so that every line written while serving it says who asked: the token's subject, as in the events'
 * {@code actor}, or {@value EventMetadata.Actors#ANONYMOUS}. Runs after Spring Security's filters, which establish who
 * the caller is.
 */
final class CallerLogContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal caller = request.getUserPrincipal();
        MDC.put(LogContext.CALLER, caller == null ? EventMetadata.Actors.ANONYMOUS : caller.getName());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogContext.CALLER);
        }
    }
}
