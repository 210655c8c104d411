package io.ledger.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.problem.ProblemCode;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import io.ledger.app.support.RawHttp;
import io.ledger.app.support.RawHttp.Header;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input over the whole HTTP surface: every route Spring MVC maps (read from its
 * {@link RequestMappingHandlerMapping}) called with random path segments (percent junk, unicode, raw bytes, over-long),
 * query strings, headers (content types, accepts, Idempotency-Key and X-Request-Id oddities, junk tokens) and bodies
 * (JSON-ish of the contract's fields with values of every type, binary, invalid UTF-8, deeply nested, huge), written
 * byte for byte ({@link RawHttp}) so that malformed requests really reach the server. Never a 5xx; every 4xx is an
 * RFC 9457 problem of the one code table with an {@code X-Request-Id}, and stores nothing (no event, no idempotency
 * row). Runs against the shared application (jqwik has no Spring extension: Spring's TestContextManager prepares the
 * instance from the same context cache); the tries are bounded to keep it near a minute.
 */
@LedgerIntegrationTest
class HttpFuzzIT {

    /** Routes whose every answer is a redirect or page of the API description's UI, not the ledger's. */
    private static final Pattern NOT_THE_LEDGERS = Pattern.compile("^(/error|/swagger-ui.*)$");

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** The query parameters the ledger reads somewhere, and a few it does not. */
    private static final List<String> PARAMETERS = List.of(
            "limit",
            "cursor",
            "status",
            "customerId",
            "orderId",
            "provider",
            "currency",
            "createdFrom",
            "createdTo",
            "minAmount",
            "maxAmount",
            "q",
            "sort",
            "order",
            "from",
            "to",
            "groupBy",
            "olderThan",
            "asOf",
            "afterIndex",
            "format",
            "readModels",
            "archived",
            "x",
            "");

    /** The body fields the contract names, so that JSON-ish bodies reach the validation of real fields. */
    private static final List<String> FIELDS = List.of(
            "amount",
            "currency",
            "customerId",
            "orderId",
            "description",
            "metadata",
            "paymentMethod",
            "confirm",
            "code",
            "message",
            "reason",
            "settlementId",
            "grossAmount",
            "fee",
            "netAmount",
            "settledAt",
            "digest",
            "signature",
            "payments",
            "unknownField");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private static List<Route> routes;
    private LedgerDb db;
    private long events;
    private long idempotencyRows;

    /** A mapped route: a method it takes and its path template. */
    record Route(String method, String template) {}

    /** One hostile request before its route is chosen: the route and variables are picked by index and count. */
    record Hostile(
            int route,
            String method,
            List<byte[]> segments,
            byte[] query,
            List<Header> headers,
            byte[] body,
            String bodyKind) {

        @Override
        public String toString() {
            return "route #" + route + " " + method + " segments="
                    + segments.stream().map(s -> printable(s, 80)).toList() + " query=" + printable(query, 200)
                    + " headers="
                    + headers.stream()
                            .map(h -> h.name() + ": " + printable(h.value(), 80))
                            .toList() + " body=" + bodyKind + " (" + (body == null ? "none" : body.length + " bytes")
                    + ")";
        }
    }

    @BeforeContainer
    static void clearRoutes() {
        routes = null;
    }

    @BeforeProperty
    void prepare() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        db = new LedgerDb(jdbc);
        if (routes == null) {
            routes = mappedRoutes(context);
        }
    }

    @BeforeTry
    void countStoredRows() {
        events = db.events();
        idempotencyRows = db.idempotencyRows();
    }

    @Example
    void aCursorThatIsNoPercentEncodingIsAProblem() {
        LedgerApi.Answer answer = RawHttp.send(port, "GET", "/api/payments?cursor=%%%garbage");

        LedgerApi.assertProblem(answer, 400, "validation_failed");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    @Example
    void everyApiRouteIsFuzzed() {
        assertThat(routes)
                .extracting(Route::template)
                .contains(
                        "/api/payments",
                        "/api/payments/{id}/refunds",
                        "/api/ledger/accounts/{account}/entries",
                        "/api/webhooks/stripe",
                        "/api/audit/verify");
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void noHostileRequestIsAnsweredWithA5xxAndEvery4xxIsAProblemThatStoredNothing(
            @ForAll("hostileRequests") Hostile hostile) {
        Route route = routes.get(hostile.route() % routes.size());
        String method = hostile.method() == null ? route.method() : hostile.method();
        byte[] target = target(route.template(), hostile.segments(), hostile.query());

        LedgerApi.Answer answer = RawHttp.send(port, method, target, hostile.headers(), hostile.body());

        String request = method + " " + printable(target, 300) + " " + hostile;
        Statistics.label("status").collect(answer.status());
        assertThat(answer.status()).as("%s\n-> %s", request, answer).isLessThan(500);
        if (answer.status() >= 400) {
            MediaType type = answer.contentType();
            assertThat(type).as("%s\n-> %s", request, answer).isNotNull();
            boolean checkoutPage =
                    route.template().startsWith("/checkout/") && type.isCompatibleWith(MediaType.TEXT_HTML);
            if (!checkoutPage) { // the simulated checkout page is a browser's: it refuses in HTML, storing nothing too
                assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .as("%s\n-> %s %s", request, type, answer)
                        .isTrue();
                JsonNode problem = answer.json();
                assertThat(ProblemCode.of(problem.path("code").asString()))
                        .as("%s\n-> %s", request, answer)
                        .isPresent();
                assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
            }
            assertThat(answer.header("X-Request-Id"))
                    .as("%s\n-> %s", request, answer)
                    .isNotBlank();
            assertThat(db.events()).as("events after %s", request).isEqualTo(events);
            assertThat(db.idempotencyRows())
                    .as("idempotency rows after %s", request)
                    .isEqualTo(idempotencyRows);
        }
    }

    @Provide
    Arbitrary<Hostile> hostileRequests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(METHODS)));
        return Combinators.combine(
                        Arbitraries.integers().between(0, 10_000),
                        method,
                        segment().list().ofSize(3),
                        query(),
                        headers(),
                        body())
                .as((route, verb, segments, query, headers, body) ->
                        new Hostile(route, verb, segments, query, headers, body.bytes(), body.kind()));
    }

    // --- path segments and query strings ---------------------------------------------------------------------------

    private static Arbitrary<byte[]> segment() {
        return Arbitraries.oneOf(
                        // ids that look right and name nothing
                        Arbitraries.strings().alpha().numeric().ofLength(24).map(s -> "pay_" + s),
                        Arbitraries.strings().alpha().ofLength(26).map(s -> "re_" + s),
                        Arbitraries.strings().alpha().ofMaxLength(30).map(s -> "evt_" + s),
                        Arbitraries.of("cash", "revenue", "refunds", "fees", "no-such-account", "payment-historyX"),
                        junk(),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(HttpFuzzIT::percentEncoded),
                        Arbitraries.integers().between(1, 9000).map("a"::repeat))
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .injectDuplicates(0.05);
    }

    /** Spellings that percent-decoding, routing and firewalls trip over. */
    private static Arbitrary<String> junk() {
        return Arbitraries.of(
                "%",
                "%%%garbage",
                "%zz",
                "%0",
                "%00",
                "%C0%AF",
                "%FF%FE",
                "%2F",
                "%5C",
                "%3B",
                "%2e%2e",
                "..",
                ".",
                ";jsessionid=1",
                "%E2%82%AC",
                "€",
                "日本",
                "\uD83D\uDCB8",
                "a b",
                "a\tb",
                "<script>",
                "'; DROP TABLE payment_view; --",
                "{id}",
                "%252F",
                "-1",
                "0",
                "99999999999999999999999",
                "1e999",
                "true",
                "null",
                "");
    }

    private static Arbitrary<byte[]> query() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(PARAMETERS), junk());
        Arbitrary<String> value = Arbitraries.oneOf(
                junk(),
                Arbitraries.integers().between(-5, 200).map(String::valueOf),
                Arbitraries.of(
                        "2026-11-22T09:12:24Z",
                        "2026-13-45",
                        "PT24H",
                        "P-1D",
                        "desc",
                        "asc",
                        "amount",
                        "createdAt",
                        "day",
                        "csv",
                        "pdf",
                        "usd",
                        "USD",
                        "xxx",
                        "succeeded"),
                Arbitraries.strings().ofMaxLength(50).map(HttpFuzzIT::percentEncoded),
                Arbitraries.integers().between(1000, 20_000).map("b"::repeat));
        Arbitrary<String> pair = Combinators.combine(
                        name, value, Arbitraries.integers().between(0, 9))
                .as((n, v, shape) -> switch (shape) {
                    case 0 -> n;
                    case 1 -> n + "=";
                    case 2 -> "=" + v;
                    default -> n + "=" + v;
                });
        return Arbitraries.oneOf(
                        Arbitraries.just(""),
                        Arbitraries.just("?"),
                        Arbitraries.just("?&&&"),
                        pair.list().ofMinSize(1).ofMaxSize(5).map(pairs -> "?" + String.join("&", pairs)))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    // --- headers ---------------------------------------------------------------------------------------------------

    private static Arbitrary<List<Header>> headers() {
        Arbitrary<Header> contentType = Arbitraries.of(
                        "application/json",
                        "application/json; charset=UTF-8",
                        "application/json; charset=ISO-8859-1",
                        "application/json; charset=nonsense",
                        "application/problem+json",
                        "application/merge-patch+json",
                        "text/plain",
                        "text/csv",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=xyz",
                        "multipart/form-data",
                        "application/octet-stream",
                        "application/xml",
                        "*/*",
                        "application/*",
                        "@@@",
                        "application/json;;;",
                        "")
                .map(value -> Header.of("Content-Type", value));
        Arbitrary<Header> accept = Arbitraries.of(
                        "*/*",
                        "application/json",
                        "application/problem+json",
                        "text/csv",
                        "application/x-ndjson",
                        "text/event-stream",
                        "application/pdf",
                        "text/html",
                        "a/b/c",
                        "application/json;q=0",
                        "",
                        "*/*;q=nonsense")
                .map(value -> Header.of("Accept", value));
        Arbitrary<Header> idempotencyKey = Arbitraries.oneOf(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
                        Arbitraries.of("", " ", "   ", "\t", "ключ", "🔑", "a".repeat(255), "a".repeat(256)),
                        Arbitraries.integers().between(256, 9000).map("k"::repeat))
                .map(value -> Header.of("Idempotency-Key", value));
        Arbitrary<Header> requestId = Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(60).map(s -> s.replaceAll("[\\r\\n]", "")),
                        Arbitraries.of("", "<script>alert(1)</script>", "id\u0000nul", "日本語"),
                        Arbitraries.integers().between(100, 7000).map("r"::repeat))
                .map(value -> Header.of("X-Request-Id", value));
        Arbitrary<Header> latin1 = Arbitraries.of(
                new Header("X-Request-Id", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}),
                new Header("Idempotency-Key", new byte[] {(byte) 0xE9, 'k', (byte) 0x80}));
        Arbitrary<Header> odd = Arbitraries.of(
                Header.of("Authorization", "Bearer garbage"),
                Header.of("Authorization", "Bearer "),
                Header.of("Authorization", "Basic Zm9vOmJhcg=="),
                Header.of("Content-Encoding", "gzip"),
                Header.of("Transfer-Encoding", "identity"),
                Header.of("Expect", "100-continue"),
                Header.of("X-Forwarded-Prefix", "/../.."),
                Header.of("Origin", "https://evil.example"),
                Header.of("Range", "bytes=0-1"),
                Header.of("If-None-Match", "*"));
        return Arbitraries.oneOf(contentType, accept, idempotencyKey, requestId, latin1, odd)
                .list()
                .ofMaxSize(5);
    }

    // --- bodies ----------------------------------------------------------------------------------------------------

    /** A body and what kind it is, for the report of a failure. */
    record Body(String kind, byte[] bytes) {}

    private static Arbitrary<Body> body() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Body("none", null))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Body("empty", new byte[0]))),
                net.jqwik.api.Tuple.of(
                        6,
                        jsonValue(3)
                                .filter(json -> json.startsWith("{"))
                                .map(json -> new Body("json object", utf8(json)))),
                net.jqwik.api.Tuple.of(2, jsonValue(3).map(json -> new Body("json value", utf8(json)))),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.strings().ofMaxLength(200).map(text -> new Body("text", utf8(text)))),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.bytes()
                                .array(byte[].class)
                                .ofMaxSize(2000)
                                .map(bytes -> new Body("binary", bytes))),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                new Body("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                                new Body("BOM", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}),
                                new Body("NUL in a string", utf8("{\"description\": \"a\\u0000b\"}")),
                                new Body("number too big", utf8("{\"amount\": 99999999999999999999999999}")),
                                new Body("exponent", utf8("{\"amount\": 1e999999}")),
                                new Body("duplicate field", utf8("{\"amount\": 1, \"amount\": 2}")),
                                new Body("truncated", utf8("{\"amount\": 1, \"currency\": \"us")),
                                new Body("nested arrays", utf8("[".repeat(20_000))),
                                new Body("nested objects", utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))),
                                new Body("comments", utf8("/* x */ {\"amount\": 1}")),
                                new Body("trailing garbage", utf8("{\"amount\": 1} {\"amount\": 2}")))),
                net.jqwik.api.Tuple.of(1, huge()));
    }

    /** Bodies of up to a megabyte and a half: a long string, many metadata keys, many fields. */
    private static Arbitrary<Body> huge() {
        return Arbitraries.integers()
                .between(10_000, 1_500_000)
                .flatMap(size -> Arbitraries.of(
                        new Body("huge string", utf8("{\"description\": \"" + "d".repeat(size) + "\"}")),
                        new Body("huge metadata", utf8(metadata(size / 20))),
                        new Body("huge binary", new byte[size])));
    }

    private static String metadata(int keys) {
        StringBuilder json = new StringBuilder("{\"amount\": 100, \"currency\": \"usd\", \"metadata\": {");
        for (int i = 0; i < keys; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        return json.append("}}").toString();
    }

    /** JSON of the contract's field names with values of any type, nested up to {@code depth}. */
    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0", "-1", "1.5", "1e3", "-0", "9223372036854775808", "true", "false", "null"),
                Arbitraries.strings().ofMaxLength(30).map(HttpFuzzIT::jsonString),
                Arbitraries.of("usd", "USD", "jpy", "kwd", "xxx", "pm_card_visa", "pm_card_chargeDeclined")
                        .map(HttpFuzzIT::jsonString));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> member = Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(10)),
                        Arbitraries.lazy(() -> jsonValue(depth - 1)))
                .as((name, value) -> jsonString(name) + ": " + value);
        Arbitrary<String> object = member.list().ofMaxSize(6).map(members -> "{" + String.join(", ", members) + "}");
        Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1))
                .list()
                .ofMaxSize(4)
                .map(items -> "[" + String.join(", ", items) + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(1, array));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Every route Spring MVC maps, once per method it takes (GET and POST when it names none). */
    private static List<Route> mappedRoutes(ApplicationContext context) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> found = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? List.of("GET", "POST")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(RequestMethod::name)
                            .toList();
            for (String template : info.getPatternValues()) {
                if (!NOT_THE_LEDGERS.matcher(template).matches()) {
                    methods.forEach(method -> found.add(new Route(method, template)));
                }
            }
        }
        found.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return List.copyOf(found);
    }

    /** The template with its variables replaced by the segments, raw, and the query appended. */
    private static byte[] target(String template, List<byte[]> segments, byte[] query) {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        Matcher variable = VARIABLE.matcher(template);
        int at = 0;
        int next = 0;
        while (variable.find()) {
            target.writeBytes(utf8(template.substring(at, variable.start())));
            target.writeBytes(segments.get(next++ % segments.size()));
            at = variable.end();
        }
        target.writeBytes(utf8(template.substring(at)));
        target.writeBytes(query);
        return target.toByteArray();
    }

    /** Percent-encodes every byte that is not unreserved, as a careful client would: the junk is in the content. */
    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : utf8(text)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(byte[] bytes, int max) {
        String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return text.length() <= max ? text : text.substring(0, max) + "...(" + bytes.length + " bytes)";
    }
}
