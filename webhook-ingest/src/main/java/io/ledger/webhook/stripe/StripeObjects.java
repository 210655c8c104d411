package io.ledger.webhook.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads Stripe objects as they stand now (GET only), as raw JSON trees so any API version reads alike. Uses
 * {@code ledger.webhook.stripe.secret-key} (default: {@code stripe.secret-key}, env {@code STRIPE_SECRET_KEY}) and
 * {@code ledger.webhook.stripe.api-base} (default: {@code stripe.api-base}); without a key nothing is fetched and the
 * translator works from the event alone. A restricted read-only key suffices.
 */
@Component
class StripeObjects {

    private final StripeClient stripe;

    StripeObjects(
            @Value("${ledger.webhook.stripe.secret-key:${stripe.secret-key:}}") String secretKey,
            @Value("${ledger.webhook.stripe.api-base:${stripe.api-base:https://api.stripe.com}}") String apiBase,
            @Value("${ledger.webhook.stripe.max-network-retries:${stripe.max-network-retries:2}}")
                    int maxNetworkRetries) {
        this.stripe = secretKey == null || secretKey.isBlank()
                ? null
                : StripeClient.builder()
                        .setApiKey(secretKey)
                        .setApiBase(apiBase)
                        .setMaxNetworkRetries(maxNetworkRetries)
                        .build();
    }

    boolean available() {
        return stripe != null;
    }

    /** The PaymentIntent with its latest charge expanded; empty without a key. */
    Optional<JsonNode> paymentIntent(String id) {
        return get("/v1/payment_intents/" + encode(id) + "?expand%5B%5D=latest_charge");
    }

    Optional<JsonNode> refund(String id) {
        return get("/v1/refunds/" + encode(id));
    }

    Optional<JsonNode> dispute(String id) {
        return get("/v1/disputes/" + encode(id));
    }

    Optional<JsonNode> charge(String id) {
        return get("/v1/charges/" + encode(id));
    }

    /** The refunds of a charge, every page. */
    List<JsonNode> refundsOfCharge(String chargeId) {
        return list("/v1/refunds?charge=" + encode(chargeId) + "&limit=100");
    }

    /** The charge balance transactions a payout paid out, each with its source charge expanded; every page. */
    List<JsonNode> chargesOfPayout(String payoutId) {
        return list("/v1/balance_transactions?payout=" + encode(payoutId)
                + "&type=charge&limit=100&expand%5B%5D=data.source");
    }

    private List<JsonNode> list(String path) {
        List<JsonNode> all = new ArrayList<>();
        String startingAfter = null;
        while (true) {
            String page = startingAfter == null ? path : path + "&starting_after=" + encode(startingAfter);
            JsonNode list = get(page).orElseThrow(() -> new StripeUnavailable("no Stripe key to list " + path));
            JsonNode data = list.path("data");
            data.values().forEach(all::add);
            if (!list.path("has_more").asBoolean(false) || data.isEmpty()) {
                return all;
            }
            startingAfter = data.get(data.size() - 1).path("id").asString();
        }
    }

    private Optional<JsonNode> get(String path) {
        if (stripe == null) {
            return Optional.empty();
        }
        try {
            String body =
                    stripe.rawRequest(ApiResource.RequestMethod.GET, path, null).body();
            return Optional.of(StripeEvent.JSON.readTree(body));
        } catch (InvalidRequestException e) {
            throw new StripeUnavailable("Stripe refused GET " + path + ": status " + e.getStatusCode() + " code "
                    + e.getCode() + " request " + e.getRequestId());
        } catch (StripeException e) {
            throw new StripeUnavailable("GET " + path + " failed: "
                    + e.getClass().getSimpleName() + " status " + e.getStatusCode() + " request " + e.getRequestId());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Stripe could not be read now; the event is retried later. */
    static final class StripeUnavailable extends RuntimeException {
        StripeUnavailable(String message) {
            super(message);
        }
    }
}
