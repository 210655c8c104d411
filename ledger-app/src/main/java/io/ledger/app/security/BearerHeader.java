package io.ledger.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's bearer token resolution, with a short way for the common call: an {@code Authorization: Bearer}
 * header holding a well-formed token (RFC 6750's token68) and no {@code access_token} parameter that Spring would
 * weigh against it. Spring's regular expression over the whole header cost a twentieth of a create's CPU (JFR,
 * docs/performance.md); every other request, malformed or not, is Spring's to answer as before.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";
    private static final String PARAMETER = "access_token";
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && wellFormed(header) && !mayCarryParameter(request)) {
            return header.substring(SCHEME.length());
        }
        return spring.resolve(request);
    }

    /** {@code Bearer} (any case), one space, then token68: {@code [A-Za-z0-9-._~+/]+=*}. */
    static boolean wellFormed(String header) {
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int i = SCHEME.length();
        int start = i;
        while (i < header.length() && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    /** Spring refuses a token sent twice, in the header and as a parameter of a query or a form: its call. */
    private static boolean mayCarryParameter(HttpServletRequest request) {
        String query = request.getQueryString();
        String type = request.getContentType();
        return (query != null && query.contains(PARAMETER))
                || (type != null && type.regionMatches(true, 0, FORM, 0, FORM.length()));
    }
}
