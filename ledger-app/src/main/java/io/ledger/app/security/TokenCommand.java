package io.ledger.app.security;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints a bearer token signed with {@code LEDGER_JWT_SECRET}: {@code java -jar ledger-app.jar token --subject <caller>
 * [--scope "payments:read payments:write"] [--ttl PT1H]}. Prints the token alone, for {@code Authorization: Bearer}.
 */
public final class TokenCommand {

    private TokenCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("LEDGER_JWT_SECRET"), Instant.now(), System.out, System.err));
    }

    static int run(String[] args, String secret, Instant now, PrintStream out, PrintStream err) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println(usage());
                return 2;
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        String subject = flags.remove("subject");
        String scope = flags.remove("scope");
        String ttl = flags.remove("ttl");
        if (subject == null || subject.isBlank() || !flags.isEmpty()) {
            err.println(usage());
            return 2;
        }
        if (secret == null || secret.isBlank()) {
            err.println("LEDGER_JWT_SECRET is not set: there is no key to sign with");
            return 2;
        }
        try {
            out.println(mint(secret, subject, scope, ttl == null ? Duration.ofHours(1) : Duration.parse(ttl), now));
            return 0;
        } catch (DateTimeParseException e) {
            err.println("--ttl is an ISO-8601 duration, such as PT1H: " + ttl);
            return 2;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    static String mint(String secret, String subject, String scope, Duration ttl, Instant now) {
        JwtClaimsSet.Builder claims =
                JwtClaimsSet.builder().subject(subject).issuedAt(now).expiresAt(now.plus(ttl));
        if (scope != null) {
            claims.claim("scope", scope);
        }
        return NimbusJwtEncoder.withSecretKey(BearerTokens.key(secret))
                .build()
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    private static String usage() {
        return "usage: token --subject <caller> [--scope \"payments:read payments:write refunds:write"
                + " webhooks:admin\"] [--ttl PT1H]   (signs with LEDGER_JWT_SECRET)";
    }
}
