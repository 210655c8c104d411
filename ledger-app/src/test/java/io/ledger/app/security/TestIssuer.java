package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.ledger.app.support.LedgerApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect issuer for the tests: Spring Authorization Server on 127.0.0.1, serving its discovery
 * document, its JWKS and client-credentials access tokens (the token's {@code sub} is the client's id). Its keys belong
 * to this object, so they survive a stop and a start on the same port, and rotate while it runs: the JWKS publishes
 * every key, the newest signs.
 *
 * <p>The clients, each with the secret {@code <id>-secret} and the contract's scopes: {@value #SHOP} (tokens for the
 * ledger), {@value #REPORTING} (tokens for another API), {@value #LATE} (tokens that expired an hour ago) and
 * {@value #OTHER_TENANT} (signed with these keys but naming another issuer, as a multi-tenant provider's tenants do).
 */
final class TestIssuer implements AutoCloseable {

    static final String AUDIENCE = "ledger";
    static final String SHOP = "shop-backend";
    static final String REPORTING = "reporting-api";
    static final String LATE = "late-job";
    static final String OTHER_TENANT = "other-tenant";

    private static final String AUDIENCE_SETTING = "test.audience";
    private static final String EXPIRED_SETTING = "test.expired";
    private static final String ISSUER_SETTING = "test.issuer";
    private static final List<String> SCOPES =
            List.of("payments:write", "payments:read", "refunds:write", "analytics:read", "audit:read", "operations");

    private final int port;
    private final Keys keys = new Keys(rsaKey());
    private final HttpClient http = HttpClient.newHttpClient();
    private @Nullable AnnotationConfigServletWebServerApplicationContext server;

    TestIssuer(int port) {
        this.port = port;
    }

    /** An issuer on a port nobody listens on yet; {@link #start()} opens it. */
    static TestIssuer onAFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new TestIssuer(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer identifier: the {@code iss} of its tokens and the base of its discovery document. */
    String uri() {
        return "http://127.0.0.1:" + port;
    }

    synchronized TestIssuer start() {
        if (server == null) {
            AnnotationConfigServletWebServerApplicationContext context =
                    new AnnotationConfigServletWebServerApplicationContext();
            context.registerBean(Keys.class, () -> keys);
            context.registerBean(TomcatServletWebServerFactory.class, () -> {
                TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(port);
                // Tomcat runs filters only for a request some servlet maps; the endpoints are all filters.
                tomcat.setRegisterDefaultServlet(true);
                return tomcat;
            });
            context.register(Server.class);
            context.refresh();
            server = context;
        }
        return this;
    }

    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** From now on a new RSA key signs; the old ones stay published. */
    void rotateToANewRsaKey() {
        keys.rotateTo(rsaKey());
    }

    /** From now on a new P-256 key signs (ES256); the old ones stay published. */
    void rotateToAnEllipticCurveKey() {
        try {
            keys.rotateTo(new ECKeyGenerator(Curve.P_256)
                    .keyID("ec-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key id that signs the next token. */
    String signingKeyId() {
        return keys.signing().getKeyID();
    }

    /** An access token for the client with the scopes (space separated), by the client-credentials grant. */
    String token(String client, String scope) {
        String basic =
                Base64.getEncoder().encodeToString((client + ":" + secret(client)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("token of %s: %s", client, response.body())
                    .isEqualTo(200);
            return LedgerApi.JSON.readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Spring Authorization Server asks every client for a secret of its own. */
    private static String secret(String client) {
        return client + "-secret";
    }

    private static JWK rsaKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("rsa-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's keys as Spring Authorization Server reads them: all published, the newest first and signing. */
    static final class Keys implements JWKSource<SecurityContext> {

        private final List<JWK> published = new CopyOnWriteArrayList<>();

        Keys(JWK first) {
            published.add(first);
        }

        JWK signing() {
            return published.get(0);
        }

        void rotateTo(JWK next) {
            published.add(0, next);
        }

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) {
            return selector.select(new JWKSet(List.copyOf(published)));
        }
    }

    /**
     * Spring Authorization Server's endpoints with OpenID Connect, and nothing else in the context. Not a
     * {@code @Configuration}: the ledger's own test contexts scan this package.
     */
    @EnableWebSecurity
    static class Server {

        @Bean
        SecurityFilterChain endpoints(HttpSecurity http) {
            http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            return http.build();
        }

        /** The issuer is the address it is called at: {@code http://127.0.0.1:<port>}. */
        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        /** For its own UserInfo endpoint, which OpenID Connect brings along. */
        @Bean
        JwtDecoder userInfoTokens(Keys keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(
                    client(SHOP, Map.of(AUDIENCE_SETTING, AUDIENCE)),
                    client(REPORTING, Map.of(AUDIENCE_SETTING, "reporting")),
                    client(LATE, Map.of(AUDIENCE_SETTING, AUDIENCE, EXPIRED_SETTING, true)),
                    client(
                            OTHER_TENANT,
                            Map.of(
                                    AUDIENCE_SETTING,
                                    AUDIENCE,
                                    ISSUER_SETTING,
                                    "https://idp.example.com/other-tenant")));
        }

        /** Signs with the newest key, for the client's audience, and bends the claims the client's settings say. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(Keys keys) {
            return context -> {
                JWK signing = keys.signing();
                context.getJwsHeader()
                        .keyId(signing.getKeyID())
                        .algorithm(signing instanceof ECKey ? SignatureAlgorithm.ES256 : SignatureAlgorithm.RS256);
                ClientSettings settings = context.getRegisteredClient().getClientSettings();
                context.getClaims().audience(List.of(settings.<String>getSetting(AUDIENCE_SETTING)));
                String issuer = settings.getSetting(ISSUER_SETTING);
                if (issuer != null) {
                    context.getClaims().issuer(issuer);
                }
                if (Boolean.TRUE.equals(settings.getSetting(EXPIRED_SETTING))) {
                    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
                    context.getClaims()
                            .issuedAt(twoHoursAgo)
                            .notBefore(twoHoursAgo)
                            .expiresAt(twoHoursAgo.plus(Duration.ofHours(1)));
                }
            };
        }

        private static RegisteredClient client(String id, Map<String, Object> settings) {
            return RegisteredClient.withId(id)
                    .clientId(id)
                    .clientSecret("{noop}" + secret(id))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(SCOPES))
                    .clientSettings(ClientSettings.builder()
                            .settings(s -> s.putAll(settings))
                            .build())
                    .build();
        }
    }
}
