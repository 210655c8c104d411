package io.ledger.webhook.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a {@code Stripe-Signature} header over the raw body with stripe-java: HMAC-SHA256 with any configured secret,
 * a timestamp no older than the tolerance (stripe-java), and none too far in the future (which stripe-java does not
 * check: a replayed future-dated signature would otherwise stay valid until then).
 */
@Component
class SignatureCheck {

    private final WebhookSecrets secrets;
    private final WebhookSettings settings;
    private final Clock clock;

    SignatureCheck(WebhookSecrets secrets, WebhookSettings settings, Clock clock) {
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    void verify(String payload, String header) {
        List<String> secrets = this.secrets.webhookSecret();
        if (secrets.isEmpty()) {
            throw new InvalidSignature("No webhook signing secret is configured; webhooks are refused.");
        }
        if (header == null || header.isBlank()) {
            throw new InvalidSignature("The Stripe-Signature header is missing.");
        }
        String failure = null;
        for (String secret : secrets) {
            try {
                // Returns true or throws.
                Webhook.Signature.verifyHeader(
                        payload, header, secret, settings.tolerance().toSeconds(), clock);
            } catch (SignatureVerificationException e) {
                failure = e.getMessage();
                continue;
            } catch (RuntimeException e) {
                // stripe-java lets a garbled timestamp escape as NumberFormatException
                failure = "the header is malformed";
                continue;
            }
            requireNotInTheFuture(header);
            return;
        }
        throw new InvalidSignature("The signature does not verify: " + failure);
    }

    /** stripe-java checks only that the timestamp is not too old. */
    private void requireNotInTheFuture(String header) {
        Instant signedAt = Instant.ofEpochSecond(timestamp(header));
        if (signedAt.isAfter(clock.instant().plus(settings.futureTolerance()))) {
            throw new InvalidSignature("The signature's timestamp lies in the future.");
        }
    }

    /** The {@code t=} element; present and numeric, since stripe-java verified the header. */
    private static long timestamp(String header) {
        for (String element : header.split(",")) {
            String[] pair = element.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                return Long.parseLong(pair[1]);
            }
        }
        throw new InvalidSignature("The signature has no timestamp.");
    }
}
