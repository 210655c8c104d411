package io.ledger.app.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The analysts' page, {@code /dashboard} (docs/dashboard.md): public HTML whose scripts and styles are files of the
 * jar ({@code /dashboard/*.js}, {@code /dashboard/*.css}, uPlot under {@code /webjars/}); everything it shows it asks
 * the API for with the user's bearer token, so the token decides what it shows. Its Content-Security-Policy lets it
 * run only its own files and talk only to the ledger and, for signing in, the OIDC issuer. Not part of the API
 * description: it is a page for people, not a call for clients.
 */
@Controller
@Hidden
@EnableConfigurationProperties(DashboardSettings.class)
class DashboardController {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final String page;
    private final String issuer;
    private final DashboardSettings settings;
    private final String policy;

    DashboardController(DashboardSettings settings, @Value("${ledger.jwt.issuer-uri:}") String issuer) {
        this.settings = settings;
        this.issuer = issuer.strip();
        this.page = read("dashboard/index.html");
        String connect = "'self'" + (this.issuer.isEmpty() ? "" : " " + origin(this.issuer));
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + connect + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    ResponseEntity<String> page() {
        return ResponseEntity.ok().headers(headers()).contentType(HTML).body(page);
    }

    /** What the page needs to sign in through the issuer; both null when it cannot. */
    @GetMapping(value = "/dashboard/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> config() {
        boolean oidc = !issuer.isEmpty() && !settings.clientId().isBlank();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("issuer", oidc ? issuer : null);
        config.put("clientId", oidc ? settings.clientId() : null);
        config.put("scope", oidc ? settings.scope() : null);
        return ResponseEntity.ok().headers(headers()).body(config);
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", policy);
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        // A token may be in the address's fragment (never sent, but kept out of referrers all the same).
        headers.set("Referrer-Policy", "no-referrer");
        return headers;
    }

    private static String origin(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.getScheme() + "://" + parsed.getRawAuthority();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ledger.jwt.issuer-uri is not a URI: " + uri, e);
        }
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard's page " + path + " is missing from the jar", e);
        }
    }
}
