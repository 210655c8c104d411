package io.ledger.app.customer;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.customer.CustomerKey;
import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerDb.StoredEvent;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.stripe.FakeStripe;
import io.ledger.command.stripe.StripeStub.Received;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Customers through Stripe: the assembled application with {@code stripe.secret-key} and {@code stripe.api-base}
 * pointing at a stateful fake Stripe ({@link FakeStripe}) on the wire, over HTTP. Each call's requests are asserted:
 * paths, form fields and Idempotency-Key headers derived from the customer's key (and its stream's version). Its own
 * application context (the Stripe provider), closed after the class.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stripe.circuit-breaker.sliding-window-size=100",
            "stripe.circuit-breaker.minimum-number-of-calls=100",
            "stripe.retry.initial-backoff=PT0.01S",
            "stripe.retry.max-backoff=PT0.05S"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class StripeCustomersIT {

    private static final String SECRET_KEY = "sk_test_51LedgerCustomersSecretThatMustNeverLeak";
    private static final FakeStripe stripe = new FakeStripe();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("stripe.secret-key", () -> SECRET_KEY);
        properties.add("stripe.api-base", stripe::base);
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    LedgerApi api;
    LedgerDb db;
    String customer;
    String key;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customer = "shop-customer-" + UUID.randomUUID();
        key = CustomerKey.of(customer).value();
    }

    @Test
    void aCustomerIsAStripeCustomerWithOurIdInItsMetadataAndItsMethodsAreAttachedDetachedAndTheDefault() {
        Answer made = api.put(path(), Map.of("email", "jenny@example.com", "name", "Jenny Rosen"));

        assertThat(made.status()).as("%s", made).isEqualTo(200);
        String stripeCustomer = made.json().get("providerCustomerId").asString();
        assertThat(stripeCustomer).startsWith("cus_");
        Received create = only("POST", "/v1/customers", key + "-create");
        assertThat(create.authorization()).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(create.form())
                .containsEntry("email", "jenny@example.com")
                .containsEntry("name", "Jenny Rosen")
                .containsEntry("metadata[customerId]", customer);
        assertThat(stripe.customer(stripeCustomer).at("/metadata/customerId").asString())
                .isEqualTo(customer);

        Answer changed = api.put(path(), Map.of("email", "jenny@example.org"));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        Received update = only("POST", "/v1/customers/" + stripeCustomer, key + "-update-1");
        assertThat(update.form()).containsEntry("email", "jenny@example.org").containsEntry("name", "");
        assertThat(stripe.customer(stripeCustomer).get("name").isNull()).isTrue();

        Answer saved = api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa"));
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        JsonNode visa = saved.json();
        String visaId = visa.get("id").asString();
        assertThat(visaId).startsWith("pm_").isNotEqualTo("pm_card_visa");
        assertThat(visa.at("/card/brand").asString()).isEqualTo("visa");
        assertThat(visa.at("/card/last4").asString()).isEqualTo("4242");
        assertThat(visa.at("/card/expMonth").asInt()).isEqualTo(8);
        assertThat(visa.at("/card/expYear").asInt()).isEqualTo(2031);
        assertThat(visa.get("default").asBoolean()).isTrue();
        Received attach = only("POST", "/v1/payment_methods/pm_card_visa/attach", key + "-attach-2");
        assertThat(attach.form()).containsEntry("customer", stripeCustomer);
        Received makeDefault = only("POST", "/v1/customers/" + stripeCustomer, key + "-default-3");
        assertThat(makeDefault.form()).containsEntry("invoice_settings[default_payment_method]", visaId);
        assertThat(stripe.customer(stripeCustomer)
                        .at("/invoice_settings/default_payment_method")
                        .asString())
                .isEqualTo(visaId);

        Answer paid = api.post(
                "/api/payments",
                Map.of("amount", 1800, "currency", "usd", "customerId", customer, "confirm", true),
                "Idempotency-Key",
                newIdempotencyKey());
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        assertThat(paid.json().get("status").asString()).isEqualTo("succeeded");
        String intentId = paid.json().get("providerPaymentId").asString();
        String paymentId = paid.json().get("id").asString();
        Received intent = stripe.received("POST", "/v1/payment_intents").stream()
                .filter(r -> paymentId.equals(r.form().get("metadata[paymentId]")))
                .findFirst()
                .orElseThrow();
        assertThat(intent.form())
                .as("the PaymentIntent belongs to the Stripe Customer")
                .containsEntry("customer", stripeCustomer)
                .containsEntry("metadata[customerId]", customer);
        Received confirm = stripe.received("POST", "/v1/payment_intents/" + intentId + "/confirm")
                .get(0);
        assertThat(confirm.form()).containsEntry("payment_method", visaId);

        Answer deleted = api.delete(path() + "/payment-methods/" + visaId);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.json().get("default").asBoolean()).isFalse();
        only("POST", "/v1/payment_methods/" + visaId + "/detach", key + "-detach-4");
        assertThat(stripe.paymentMethod(visaId).get("customer").isNull()).isTrue();
        assertThat(stripe.customer(stripeCustomer)
                        .at("/invoice_settings/default_payment_method")
                        .isNull())
                .isTrue();
        assertThat(api.get(path()).json().get("defaultPaymentMethod").isNull()).isTrue();

        int requests = stripe.received().size();
        assertThat(api.delete(path() + "/payment-methods/" + visaId).status()).isEqualTo(200);
        assertThat(stripe.received()).as("a second delete calls no one").hasSize(requests);

        assertThat(db.eventsOf(key))
                .extracting(StoredEvent::type)
                .containsExactly(
                        "CustomerRegistered",
                        "CustomerUpdated",
                        "PaymentMethodAttached",
                        "DefaultPaymentMethodSet",
                        "PaymentMethodDetached");
        assertThat(db.eventsMentioning(SECRET_KEY)).isZero();
    }

    @Test
    void aMethodStripeDoesNotKnowIsA400NamingItAndNothingIsStored() {
        assertThat(api.put(path(), Map.of("email", "jenny@example.com")).status())
                .isEqualTo(200);

        Answer unknown = api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_doesNotExist"));

        assertProblem(unknown, 400, "validation_failed");
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("paymentMethod");
        assertThat(db.eventsOf(key)).extracting(StoredEvent::type).containsExactly("CustomerRegistered");
    }

    private String path() {
        return "/api/customers/" + customer;
    }

    /** The one request to the path with this idempotency key. */
    private Received only(String method, String path, String idempotencyKey) {
        List<Received> found = stripe.received().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .filter(r -> idempotencyKey.equals(r.idempotencyKey()))
                .toList();
        assertThat(found)
                .as("%s %s with key %s in %s", method, path, idempotencyKey, stripe.received())
                .hasSize(1);
        return found.get(0);
    }
}
