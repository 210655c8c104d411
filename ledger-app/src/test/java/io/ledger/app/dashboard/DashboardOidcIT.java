package io.ledger.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ledger.app.LedgerApplication;
import io.ledger.app.support.HeadlessChromium;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in to the analysts' page through an OIDC issuer, in headless Chromium: the authorization code flow with PKCE
 * against a small issuer of the test's own (a JDK HTTP server with a discovery document, an authorization endpoint that
 * approves at once, a token endpoint that checks the code verifier against the challenge, and the JWKS of the RSA key
 * that signs its tokens), which the ledger trusts as {@code LEDGER_JWT_ISSUER_URI}. Skipped without Chromium.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.jwt.audience=" + DashboardOidcIT.AUDIENCE,
            "ledger.dashboard.client-id=" + DashboardOidcIT.CLIENT,
            "ledger.dashboard.scope=openid analytics:read payments:read",
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=dashboard_oidc"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class DashboardOidcIT {

    static final String AUDIENCE = "ledger-dashboard-it";
    static final String CLIENT = "dashboard-client";

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Issuer issuer = new Issuer();

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @DynamicPropertySource
    static void theIssuer(DynamicPropertyRegistry properties) {
        properties.add("ledger.jwt.issuer-uri", issuer::uri);
    }

    @AfterAll
    static void closeTheIssuer() {
        issuer.close();
    }

    @BeforeEach
    void openTheBrowser() {
        chromium = HeadlessChromium.start("--window-size=1280,800");
        browser = chromium.driver();
    }

    @AfterEach
    void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theConfigurationNamesTheIssuerAndTheClient() {
        browser.get(base() + "/dashboard/config.json");
        JsonNode config = JSON.readTree(browser.findElement(By.tagName("body")).getText());
        assertThat(config.get("issuer").asString()).isEqualTo(issuer.uri());
        assertThat(config.get("clientId").asString()).isEqualTo(CLIENT);
    }

    @Test
    void signingInThroughTheIssuerWithPkceGivesTheIssuersTokenAndItsViews() {
        browser.get(base() + "/dashboard");
        await().atMost(WAIT)
                .until(() -> browser.findElement(By.id("oidc-sign-in")).isDisplayed());
        browser.findElement(By.id("oidc-sign-in")).click();

        await().atMost(WAIT)
                .until(() -> browser.findElement(By.id("view-overview")).isDisplayed());
        assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        String token = (String) ((JavascriptExecutor) browser)
                .executeScript("return sessionStorage.getItem('ledger.dashboard.token');");
        assertThat(token).isEqualTo(issuer.issued.get(0));
        // The browser sent a S256 challenge at the authorization endpoint and the matching verifier to the token
        // endpoint (the issuer refuses a code otherwise), with the page as its redirect address.
        Map<String, String> authorization = issuer.authorizations.get(0);
        assertThat(authorization)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", base() + "/dashboard")
                .containsEntry("scope", "openid analytics:read payments:read");
        assertThat(authorization.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(authorization.get("state")).matches("[A-Za-z0-9_-]{43}");
        // The ledger took the issuer's token: the figures are there.
        await().atMost(WAIT)
                .until(() -> browser.findElement(By.id("who")).getText().contains("oidc-analyst"));
        await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> !browser.findElement(By.id("fig-rate")).getText().isEmpty());
    }

    @Test
    void anAnswerWhoseStateIsNotThisSignInsIsRefused() {
        browser.get(base() + "/dashboard");
        await().atMost(WAIT)
                .until(() -> browser.findElement(By.id("oidc-sign-in")).isDisplayed());
        ((JavascriptExecutor) browser)
                .executeScript(
                        "sessionStorage.setItem('ledger.dashboard.oidc', JSON.stringify({verifier: 'v',"
                                + " state: 'the-real-state', tokenEndpoint: arguments[0]}));",
                        issuer.uri() + "/token");
        browser.get(base() + "/dashboard?code=stolen&state=another-state");
        await().atMost(WAIT)
                .until(() ->
                        !browser.findElement(By.id("sign-in-error")).getText().isEmpty());
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("state mismatch");
        assertThat(((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('ledger.dashboard.token');"))
                .isNull();
        assertThat(issuer.tokenRequests).doesNotContain("stolen");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer: discovery, authorize (approves at once), token (checks PKCE), JWKS. */
    static final class Issuer {

        private final HttpServer server;
        private final RSAKey key;
        private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
        final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
        final List<String> tokenRequests = new CopyOnWriteArrayList<>();
        final List<String> issued = new CopyOnWriteArrayList<>();

        Issuer() {
            try {
                key = new RSAKeyGenerator(2048).keyID("dashboard-it").generate();
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException | com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
            server.createContext(
                    "/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void close() {
            server.stop(0);
        }

        private Map<String, Object> discovery() {
            Map<String, Object> discovery = new LinkedHashMap<>();
            discovery.put("issuer", uri());
            discovery.put("authorization_endpoint", uri() + "/authorize");
            discovery.put("token_endpoint", uri() + "/token");
            discovery.put("jwks_uri", uri() + "/jwks");
            discovery.put("response_types_supported", List.of("code"));
            discovery.put("subject_types_supported", List.of("public"));
            discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
            discovery.put("code_challenge_methods_supported", List.of("S256"));
            return discovery;
        }

        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            authorizations.add(query);
            String code = UUID.randomUUID().toString();
            codes.put(code, query);
            String location = query.get("redirect_uri") + "?code=" + code + "&state="
                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                cors(exchange);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            Map<String, String> body =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenRequests.add(body.getOrDefault("code", ""));
            Map<String, String> asked = codes.remove(body.getOrDefault("code", ""));
            if (asked == null
                    || !"authorization_code".equals(body.get("grant_type"))
                    || !asked.get("client_id").equals(body.get("client_id"))
                    || !asked.get("redirect_uri").equals(body.get("redirect_uri"))
                    || !asked.get("code_challenge").equals(s256(body.getOrDefault("code_verifier", "")))) {
                json(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
            String token = mint(asked.get("scope").replace("openid", "").strip());
            issued.add(token);
            json(exchange, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600));
        }

        private String mint(String scope) {
            try {
                Instant now = Instant.now();
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        new JWTClaimsSet.Builder()
                                .issuer(uri())
                                .audience(AUDIENCE)
                                .subject("oidc-analyst")
                                .claim("scope", scope)
                                .issueTime(Date.from(now))
                                .notBeforeTime(Date.from(now))
                                .expirationTime(Date.from(now.plusSeconds(3600)))
                                .build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String s256(String verifier) {
            try {
                return Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> values = new LinkedHashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return values;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return values;
        }

        private static void cors(HttpExchange exchange) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, GET");
        }

        private static void json(HttpExchange exchange, int status, Object body) {
            try {
                byte[] bytes = JSON.writeValueAsBytes(body);
                cors(exchange);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
