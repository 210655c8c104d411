package io.ledger.webhook.stripe;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/stripe}: reads the raw body (capped), verifies Stripe's signature over exactly those
 * bytes, checks the body is a Stripe event, stores it in the inbox and answers at once; processing happens later.
 */
@RestController
class StripeWebhookController {

    private final WebhookSettings settings;
    private final SignatureCheck signatures;
    private final Inbox inbox;

    StripeWebhookController(WebhookSettings settings, SignatureCheck signatures, Inbox inbox) {
        this.settings = settings;
        this.signatures = signatures;
        this.inbox = inbox;
    }

    @PostMapping("/api/webhooks/stripe")
    Map<String, Object> receive(
            HttpServletRequest request, @RequestHeader(name = "Stripe-Signature", required = false) String signature)
            throws IOException {
        String payload = new String(body(request), StandardCharsets.UTF_8);
        signatures.verify(payload, signature);
        StripeEvent event = StripeEvent.parse(payload);
        boolean stored = inbox.store(event, payload);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("duplicate", !stored);
        return answer;
    }

    /** The body as sent, refused beyond the cap without reading more than one byte past it. */
    private byte[] body(HttpServletRequest request) throws IOException {
        long limit = settings.maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(Math.toIntExact(limit + 1));
            if (body.length > limit) {
                throw new BodyTooLarge(limit);
            }
            return body;
        }
    }
}
