package io.ledger.app.security;

import io.ledger.api.caller.Scope;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints a bearer token the ledger accepts: {@code java -jar ledger-app.jar token --subject <caller> --scope
 * "payments:read payments:write" [--ttl PT1H]}, or {@code --admin} for every scope. It signs with
 * {@code LEDGER_JWT_SECRET} when set, else with the secret the ledger generated in its data directory
 * ({@code LEDGER_DATA_DIR}, default {@code ./data}), resolved as the server resolves it ({@link LocalSecret}). Prints
 * the token alone, for {@code Authorization: Bearer}.
 */
public final class TokenCommand {

    /** The subject of an {@code --admin} token that names none. */
    static final String ADMIN = "admin";

    /** Every scope of the contract, as an admin's token holds them. */
    static final String EVERY_SCOPE =
            Arrays.stream(Scope.values()).map(Scope::wire).collect(Collectors.joining(" "));

    private TokenCommand() {}

    public static void main(String[] args) {
        System.exit(run(
                args,
                System.getenv("LEDGER_JWT_SECRET"),
                DataDirectorySettings.fromEnvironment(System.getenv()),
                Instant.now(),
                System.out,
                System.err));
    }

    static int run(
            String[] args, @Nullable String secret, Path dataDir, Instant now, PrintStream out, PrintStream err) {
        Map<String, String> flags = new HashMap<>();
        boolean admin = false;
        int i = 0;
        while (i < args.length) {
            if (args[i].equals("--admin")) {
                admin = true; // a flag without a value
                i++;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                flags.put(args[i].substring(2), args[i + 1]);
                i += 2;
            } else {
                err.println(usage());
                return 2;
            }
        }
        String subject = flags.remove("subject");
        String scope = flags.remove("scope");
        String ttl = flags.remove("ttl");
        if (admin && subject == null) {
            subject = ADMIN;
        }
        if (subject == null || subject.isBlank() || !flags.isEmpty() || (admin == (scope != null))) {
            // A token without a scope may do nothing: ask for what it may do, once.
            err.println(usage());
            return 2;
        }
        try {
            Duration lifetime = ttl == null ? Duration.ofHours(1) : Duration.parse(ttl);
            String key = LocalSecret.resolve(secret, dataDir).value();
            out.println(mint(key, subject, admin ? EVERY_SCOPE : scope, lifetime, now));
            return 0;
        } catch (DateTimeParseException e) {
            err.println("--ttl is an ISO-8601 duration, such as PT1H: " + ttl);
            return 2;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    static String mint(String secret, String subject, @Nullable String scope, Duration ttl, Instant now) {
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
        return "usage: ledger-token --subject <caller> --scope \"payments:read payments:write ...\" [--ttl PT1H]\n"
                + "       ledger-token --admin [--subject <caller>] [--ttl PT1H]   (every scope)\n"
                + "Signs with LEDGER_JWT_SECRET, else with the secret the ledger generated in LEDGER_DATA_DIR"
                + " (default ./data). Scopes: " + EVERY_SCOPE;
    }
}
