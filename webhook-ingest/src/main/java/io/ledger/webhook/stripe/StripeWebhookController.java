package io.ledger.webhook.stripe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Webhooks")
class StripeWebhookController {

    private final WebhookSettings settings;
    private final SignatureCheck signatures;
    private final Inbox inbox;

    StripeWebhookController(WebhookSettings settings, SignatureCheck signatures, Inbox inbox) {
        this.settings = settings;
        this.signatures = signatures;
        this.inbox = inbox;
    }

    @Operation(
            operationId = "receiveStripeWebhook",
            summary = "Receive a Stripe event",
            description = """
                    Stripe's endpoint: the raw event as Stripe sends it, signed in `Stripe-Signature` with one of the \
                    configured webhook secrets. A verified event is stored and acknowledged at once and has its \
                    effect on the ledger later, exactly once; a redelivery answers `duplicate: true` and changes \
                    nothing. No bearer token: the signature proves the sender.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "A Stripe event, at most 512 KB, exactly as signed.",
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            description = "Stripe's own fields beyond these are kept"
                                                                    + " as sent.",
                                                            additionalProperties =
                                                                    Schema.AdditionalPropertiesValue.TRUE,
                                                            requiredProperties = {
                                                                "id", "object", "type", "created", "data"
                                                            }),
                                            schemaProperties = {
                                                @SchemaProperty(name = "id", schema = @Schema(type = "string")),
                                                @SchemaProperty(
                                                        name = "object",
                                                        schema = @Schema(type = "string", allowableValues = "event")),
                                                @SchemaProperty(name = "type", schema = @Schema(type = "string")),
                                                @SchemaProperty(
                                                        name = "created",
                                                        schema = @Schema(type = "integer", format = "int64")),
                                                @SchemaProperty(
                                                        name = "api_version",
                                                        schema = @Schema(type = "string")),
                                                @SchemaProperty(name = "data", schema = @Schema(type = "object"))
                                            })))
    @ApiResponse(
            responseCode = "200",
            description = "The event is stored (or was already).",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = "object",
                                            requiredProperties = {"received", "duplicate"}),
                            schemaProperties = {
                                @SchemaProperty(name = "received", schema = @Schema(type = "boolean")),
                                @SchemaProperty(
                                        name = "duplicate",
                                        schema =
                                                @Schema(
                                                        type = "boolean",
                                                        description = "The event id was received before."))
                            }))
    @ApiResponse(responseCode = "400", description = """
                    `invalid_signature`: no secret is configured, the signature is missing, does not verify with any \
                    secret, or its timestamp is more than 5 minutes old or in the future. `validation_failed`: signed, \
                    but not JSON or not shaped as a Stripe event; `errors` names what is wrong. Nothing is \
                    stored.""")
    @ApiResponse(responseCode = "413", description = "`payload_too_large`: the body is over the size limit.")
    @PostMapping("/api/webhooks/stripe")
    Map<String, Object> receive(
            @Parameter(hidden = true) HttpServletRequest request,
            @Parameter(
                            required = true,
                            description = "Stripe's signature of the body: `t=<timestamp>,v1=<HMAC-SHA256>`.",
                            example =
                                    "t=1764620000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")
                    @RequestHeader(name = "Stripe-Signature", required = false)
                    String signature)
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
        long limit = settings.maxBodySize().toBytes();
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
