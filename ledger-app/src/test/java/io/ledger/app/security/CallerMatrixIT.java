package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.caller.Scope;
import io.ledger.app.LedgerApplication;
import io.ledger.app.security.MappedRoutes.Route;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every route the ledger maps x every kind of caller, against the scope table ({@link RouteScopes}): no token, an
 * expired one, one signed with another key and one without a scope are 401, 401, 401 and 403 on every route that needs
 * a token; a token with one scope alone is 403 exactly where that scope is not among the route's, and gets past the
 * security rules (neither 401 nor 403) where it is. Every refused call stores nothing: no event, no idempotency key.
 * The routes come from Spring MVC's handler mappings, so a new route cannot be forgotten: one the table does not name
 * fails here, as does a public one the contract does not make public. An own database, so that no other application's
 * janitor or projections add rows while the stores are counted.
 *
 * <p>Not here yet: wrong-audience tokens are the OIDC issuer's cells (its own test). The ownership cells (a
 * {@code payments:read:own} or {@code payments:write:own} token for another customer's payment: 404, not 403) belong
 * in a test method of their own in this class, walking the payment routes of {@link #routes} with {@link #call} as
 * the one above does.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.jwt.secret=" + CallerMatrixIT.SECRET,
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=caller_matrix"
        })
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerMatrixIT {

    static final String SECRET = "a-secret-for-the-caller-matrix-of-32-bytes";

    /**
     * What the contract leaves open: the health check, the API description (and its UI), the error page, Stripe's
     * webhook deliveries, which their signature proves, the simulated checkout page, whose address is its key, and the
     * analysts' page, which shows only what the API answers its user's token.
     */
    private static final Predicate<Route> PUBLIC_BY_CONTRACT =
            route -> route.pattern().startsWith("/actuator/health")
                    || route.pattern().startsWith("/v3/api-docs")
                    || route.pattern().startsWith("/swagger-ui")
                    || route.pattern().equals("/error")
                    || (route.method() == HttpMethod.POST && route.pattern().equals(RouteScopes.STRIPE_WEBHOOKS))
                    || route.pattern().startsWith("/checkout/")
                    || route.pattern().equals("/dashboard")
                    || route.pattern().startsWith("/dashboard/");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private List<Route> routes;

    @BeforeAll
    void readTheRoutes() {
        routes = MappedRoutes.of(context);
    }

    /** A kind of caller: the token it sends (empty: none), and the scopes that token grants when it is valid. */
    record Caller(String name, Optional<String> token, Optional<Set<Scope>> validWith) {

        static Caller invalid(String name, Optional<String> token) {
            return new Caller(name, token, Optional.empty());
        }

        static Caller valid(String name, String token, Set<Scope> scopes) {
            return new Caller(name, Optional.of(token), Optional.of(scopes));
        }
    }

    @Test
    void everyMappedRouteHasARuleAndOnlyTheContractsPublicOnesAreOpen() {
        assertThat(routes).as("routes read from the handler mappings").hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            Optional<RouteScopes.Rule> rule = RouteScopes.ruleFor(route.method(), route.path());
            if (rule.isEmpty()) {
                wrong.add(route + " has no rule in RouteScopes");
            } else if (rule.get().open() != PUBLIC_BY_CONTRACT.test(route)) {
                wrong.add(route + (rule.get().open() ? " is open" : " needs a token") + " ("
                        + rule.get().pattern() + ") but the contract says otherwise");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRouteAnswersEachCallerAsTheScopeTableSaysAndRefusedCallsStoreNothing() throws Exception {
        List<Caller> callers = callers();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Route route : routes) {
            Optional<RouteScopes.Rule> rule = RouteScopes.ruleFor(route.method(), route.path());
            if (rule.isEmpty()) {
                continue; // the test above names it
            }
            for (Caller caller : callers) {
                cells++;
                int expected = expected(rule.get(), caller);
                Stored before = stored();
                String key = LedgerApi.newIdempotencyKey();
                int status = call(route, caller.token(), key);
                boolean ok = expected == 0 ? status != 401 && status != 403 : status == expected;
                if (!ok) {
                    wrong.add(route + " as " + caller.name() + ": " + status + ", expected "
                            + (expected == 0 ? "neither 401 nor 403" : expected));
                }
                if (status == 401 || status == 403) {
                    Stored after = stored();
                    if (!after.equals(before) || idempotencyRows(key) != 0) {
                        wrong.add(
                                route + " as " + caller.name() + " was refused but stored " + before + " -> " + after);
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(30 * callers.size() - 1);
        assertThat(wrong).isEmpty();
    }

    /** 401, 403, or 0 for "gets past the security rules". */
    private static int expected(RouteScopes.Rule rule, Caller caller) {
        if (rule.open()) {
            return 0;
        }
        if (caller.validWith().isEmpty()) {
            return 401;
        }
        return caller.validWith().get().stream().anyMatch(rule.anyOf()::contains) ? 0 : 403;
    }

    private static List<Caller> callers() {
        Instant now = Instant.now();
        List<Caller> callers = new ArrayList<>();
        callers.add(Caller.invalid("no token", Optional.empty()));
        callers.add(Caller.invalid(
                "an expired token",
                Optional.of(TokenCommand.mint(
                        SECRET,
                        "late",
                        TokenCommand.EVERY_SCOPE,
                        Duration.ofHours(1),
                        now.minus(Duration.ofHours(2))))));
        callers.add(Caller.invalid(
                "a token signed with another key",
                Optional.of(TestTokens.mint(
                        "another-key-of-the-same-length-32-bytes!", "forger", TokenCommand.EVERY_SCOPE))));
        callers.add(Caller.valid("a token without a scope", TestTokens.mint(SECRET, "nobody", null), Set.of()));
        for (Scope scope : Scope.values()) {
            callers.add(Caller.valid(
                    "a token with " + scope.wire() + " alone",
                    TestTokens.mint(SECRET, "only-" + scope.wire(), scope.wire()),
                    Set.of(scope)));
        }
        return callers;
    }

    /**
     * Calls the route as the caller would: POSTs with a JSON body and an Idempotency-Key. Only the status is read (an
     * allowed call of the live feed would stream on).
     */
    int call(Route route, Optional<String> token, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route.path()))
                .timeout(Duration.ofSeconds(30));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        if (route.method() == HttpMethod.POST) {
            request.header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(route.method().name(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /** How much the stores hold. */
    private record Stored(long events, long idempotencyKeys) {}

    private Stored stored() {
        return new Stored(
                jdbc.sql("SELECT count(*) FROM domain_event_entry")
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM idempotency_key")
                        .query(Long.class)
                        .single());
    }

    private long idempotencyRows(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }
}
