package io.ledger.app.security;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.cors.*} (env {@code LEDGER_CORS_...}), checked at start.
 *
 * @param allowedOrigins the browser origins that may call {@code /api/**} ({@code https://shop.example}, comma
 *     separated; {@code *} for any); none by default, so no other site's page can call the API from a browser
 */
@ConfigurationProperties("ledger.cors")
@Validated
record CorsSettings(
        @DefaultValue
        List<
                        // An origin is a scheme, a host and maybe a port: a path, even a trailing slash,
                        // would match no browser's Origin header.
                        @Pattern(
                                regexp = "\\*|https?://[^/?#\\s]+",
                                message = "must be an origin such as https://shop.example (no path), or *")
                        String>
                allowedOrigins) {}
