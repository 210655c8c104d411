package io.ledger.query.receipt;

import io.ledger.api.caller.Caller;
import io.ledger.query.payment.InvalidQueryParameter;
import io.ledger.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A succeeded payment's receipt over HTTP, as JSON or as a printable PDF. A caller that may read only its own payments
 * ({@code payments:read:own}) finds no receipt of another customer's payment.
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Receipts")
class ReceiptController {

    private static final Set<String> KNOWN = Set.of("format");

    private final Receipts receipts;

    ReceiptController(Receipts receipts) {
        this.receipts = receipts;
    }

    @Operation(operationId = "getPaymentReceipt", summary = "Get a payment's receipt", description = """
                    The receipt of a succeeded payment (also once it was partly or fully refunded): its `number` \
                    (`R-<year>-<6 digits>`, counted from 1 in each UTC year without gaps, given when the payment \
                    succeeded and never reused), the merchant, the customer, the amount, the payment method, the \
                    refunds paid back so far and when it was issued. `?format=pdf`, or `Accept: application/pdf` \
                    (preferred over `application/json`), answers the printable PDF receipt instead. With \
                    `payments:read:own` only the caller's own payments have receipts.""")
    @Parameter(
            name = "format",
            in = ParameterIn.QUERY,
            description = "The JSON resource or the printable PDF; without it, the `Accept` header decides.",
            schema = @Schema(allowableValues = {"json", "pdf"}))
    @ApiResponse(
            responseCode = "200",
            description = "The receipt; PDF inline as `receipt-<number>.pdf`.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ReceiptView.class)),
                @Content(
                        mediaType = "application/pdf",
                        schema = @Schema(type = "string", format = "binary", contentMediaType = "application/pdf"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "`validation_failed`: a `format` other than `json` or `pdf`, or an unknown or repeated "
                    + "parameter; `errors` names the parameter.")
    @ApiResponse(responseCode = "404", description = """
                    `not_found`: the payment has not succeeded (yet), or no payment has this id (with \
                    `payments:read:own`: none of the caller's own; another customer's payment is answered the \
                    same).""")
    @GetMapping("/{id}/receipt")
    ResponseEntity<Object> receipt(
            @PathVariable String id,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) Caller caller) {
        String format = new QueryParameters(parameters, KNOWN).optional("format", Function.identity(), null);
        if (format != null && !format.equals("json") && !format.equals("pdf")) {
            throw new InvalidQueryParameter("format", "must be json or pdf");
        }
        boolean pdf = format == null ? prefersPdf(accept) : format.equals("pdf");
        ReceiptView receipt =
                receipts.find(id, caller.readsOnlyCustomer().orElse(null)).orElseThrow(() -> new ReceiptNotFound(id));
        if (!pdf) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(receipt);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("receipt-" + receipt.number() + ".pdf")
                                .build()
                                .toString())
                .body(ReceiptPdf.render(receipt));
    }

    /** Whether the Accept header names {@code application/pdf} itself and rates it above {@code application/json}. */
    static boolean prefersPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        BigDecimal pdf = BigDecimal.ZERO;
        BigDecimal json = BigDecimal.ZERO;
        for (MediaType type : types) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (MediaType.APPLICATION_PDF.equalsTypeAndSubtype(type)) {
                pdf = pdf.max(quality(type));
            } else if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
                json = json.max(quality(type));
            }
        }
        return pdf.signum() > 0 && pdf.compareTo(json) > 0;
    }

    /** The type's {@code q}, exactly as written (1 when absent); parseMediaTypes checked it is 0 to 1. */
    private static BigDecimal quality(MediaType type) {
        String q = type.getParameter("q");
        return q == null ? BigDecimal.ONE : new BigDecimal(q.trim());
    }
}
