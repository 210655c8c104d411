package io.ledger.command.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.ledger.app.support.HeadlessChromium;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The simulated provider's checkout page in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, never a downloaded browser), as a customer uses it: the card typed into the form, the
 * redirect to the shop's success or cancel address (a tiny HTTP server of the test's own, on another origin, which
 * records each arrival), the decline shown on the page. Skipped where {@code /usr/bin/chromium} is absent.
 */
@LedgerIntegrationTest
class CheckoutBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static HttpServer shop;
    private static final List<String> arrivals = new CopyOnWriteArrayList<>();

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private LedgerApi api;

    @BeforeAll
    static void startTheShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/", exchange -> {
            arrivals.add(exchange.getRequestURI().toString());
            byte[] page = ("<!DOCTYPE html><title>Shop</title><h1 id=\"shop\">"
                            + exchange.getRequestURI().getPath() + "</h1>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        shop.start();
    }

    @AfterAll
    static void stopTheShop() {
        if (shop != null) {
            shop.stop(0);
        }
    }

    @BeforeEach
    void openTheBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        api = new LedgerApi(client);
    }

    @AfterEach
    void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCustomerPaysWithTheTestVisaCardAndLandsOnTheSuccessUrl() {
        JsonNode session = open(2599);
        browser.get(session.get("url").asString());
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("25.99 USD");

        browser.findElement(By.id("cardNumber")).sendKeys("4242 4242 4242 4242");
        browser.findElement(By.id("expiry")).sendKeys("12 / 34");
        browser.findElement(By.id("cvc")).sendKeys("123");
        browser.findElement(By.id("pay")).click();

        String success = shopUrl("/thanks?order=" + session.get("paymentId").asString());
        awaitUrl(success);
        assertThat(browser.findElement(By.id("shop")).getText()).isEqualTo("/thanks");
        assertThat(arrivals)
                .contains("/thanks?order=" + session.get("paymentId").asString());
        assertThat(paymentStatus(session)).isEqualTo("succeeded");
        assertThat(api.get("/api/checkout/sessions/" + session.get("id").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("complete");
        assertThat(new LedgerDb(jdbc).eventsMentioning("4242424242424242")).isZero();
    }

    @Test
    void aDeclinedCardShowsTheFailureOnThePage() {
        JsonNode session = open(1250);
        browser.get(session.get("url").asString());

        browser.findElement(By.id("cardNumber")).sendKeys("4000 0000 0000 0002");
        browser.findElement(By.id("pay")).click();

        awaitElement("error");
        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("Your card was declined.");
        assertThat(browser.getCurrentUrl()).startsWith(session.get("url").asString());
        assertThat(browser.findElement(By.id("cardNumber")).getAttribute("value"))
                .isEmpty();
        assertThat(paymentStatus(session)).isEqualTo("failed");
    }

    @Test
    void aCardThatAsksForAuthenticationIsPaidAfterTheAuthenticateStep() {
        JsonNode session = open(4100);
        browser.get(session.get("url").asString());

        browser.findElement(By.id("cardNumber")).sendKeys("4000 0025 0000 3155");
        browser.findElement(By.id("pay")).click();
        awaitElement("authenticate");
        browser.findElement(By.id("authenticate")).click();

        awaitUrl(shopUrl("/thanks?order=" + session.get("paymentId").asString()));
        assertThat(paymentStatus(session)).isEqualTo("succeeded");
    }

    @Test
    void theCancelLinkGoesBackToTheCancelUrl() {
        JsonNode session = open(900);
        browser.get(session.get("url").asString());

        browser.findElement(By.id("cancel")).click();

        awaitUrl(shopUrl("/cart"));
        assertThat(arrivals).contains("/cart");
        assertThat(paymentStatus(session)).isEqualTo("pending");
    }

    private JsonNode open(long amount) {
        String order = UUID.randomUUID().toString();
        LedgerApi.Answer created = api.post(
                "/api/checkout/sessions",
                Map.of(
                        "amount",
                        amount,
                        "currency",
                        "usd",
                        "customerId",
                        "cus_browser",
                        "orderId",
                        order,
                        "description",
                        "A browser test",
                        // the payment id is only known later: the success address names the order instead
                        "successUrl",
                        shopUrl("/thanks?order=PAYMENT"),
                        "cancelUrl",
                        shopUrl("/cart")),
                "Idempotency-Key",
                LedgerApi.newIdempotencyKey());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode session = created.json();
        // The success address is the session's; point it at the payment, so that each test waits for its own.
        jdbc.sql("UPDATE checkout_session SET success_url = ? WHERE id = ?")
                .params(
                        shopUrl("/thanks?order=" + session.get("paymentId").asString()),
                        session.get("id").asString())
                .update();
        return session;
    }

    private String paymentStatus(JsonNode session) {
        return new LedgerDb(jdbc)
                .eventsOf(session.get("paymentId").asString()).stream()
                        .map(LedgerDb.StoredEvent::type)
                        .reduce((first, last) -> last)
                        .map(type -> switch (type) {
                            case "PaymentCreated" -> "pending";
                            case "PaymentSucceeded" -> "succeeded";
                            case "PaymentFailed" -> "failed";
                            default -> type;
                        })
                        .orElseThrow();
    }

    private void awaitUrl(String url) {
        await().atMost(WAIT).until(browser::getCurrentUrl, url::equals);
    }

    private void awaitElement(String id) {
        await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id(id)).isDisplayed());
    }

    private static String shopUrl(String path) {
        return "http://127.0.0.1:" + shop.getAddress().getPort() + path;
    }
}
