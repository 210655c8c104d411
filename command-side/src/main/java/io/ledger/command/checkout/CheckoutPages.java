package io.ledger.command.checkout;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentView;
import io.ledger.command.checkout.CheckoutSessions.Session;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The simulated checkout page's HTML and headers. Everything shown is escaped; no script runs; the page's only style is
 * allowed by its hash in the Content-Security-Policy, forms may go to the ledger alone (and be redirected to the
 * session's success address), the page is never framed, cached or sent as a referrer (its address is the session's
 * key). A typed card number is never written back into the page.
 */
final class CheckoutPages {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;"
            + "padding:0 1rem;color:#1a1a1a}label{display:block;margin:.8rem 0 .2rem}input{width:100%;"
            + "padding:.5rem;font-size:1rem;box-sizing:border-box}button{margin-top:1rem;padding:.6rem 1.2rem;"
            + "font-size:1rem}.error{color:#b00020}.amount{font-size:1.6rem;font-weight:600}";
    private static final String STYLE_HASH = "'sha256-" + sha256(STYLE) + "'";

    private CheckoutPages() {}

    static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .headers(headers(null))
                .contentType(HTML)
                .body(document("Checkout", "<h1>Checkout</h1><p>There is no checkout session at this address.</p>"));
    }

    /** The security headers of every answer of the page; form submissions may be redirected to the success URL. */
    static HttpHeaders headers(@Nullable Session session) {
        Set<String> formTargets = new LinkedHashSet<>();
        formTargets.add("'self'");
        if (session != null) {
            formTargets.add(origin(session.successUrl()));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(
                "Content-Security-Policy",
                "default-src 'none'; style-src " + STYLE_HASH + "; form-action " + String.join(" ", formTargets)
                        + "; base-uri 'none'; frame-ancestors 'none'");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        return headers;
    }

    static String render(Session session, PaymentView payment, boolean expired, @Nullable String message) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Checkout</h1>");
        if (payment.description() != null) {
            body.append("<p id=\"description\">")
                    .append(escape(payment.description()))
                    .append("</p>");
        }
        body.append("<p class=\"amount\" id=\"amount\">")
                .append(escape(amount(payment)))
                .append("</p>");
        PaymentStatus status = payment.status();
        if (Checkout.paid(status)) {
            body.append("<p id=\"state\">This payment is paid.</p>")
                    .append(link("success", session.successUrl(), "Continue"));
        } else if (status == PaymentStatus.CANCELED) {
            body.append("<p id=\"state\">This payment was canceled.</p>");
        } else if (expired) {
            body.append("<p id=\"state\">This checkout session has expired.</p>");
        } else if (status == PaymentStatus.REQUIRES_ACTION) {
            body.append("<p id=\"state\">Your bank asks you to confirm this payment.</p>")
                    .append("<form method=\"post\" action=\"")
                    .append(escape(Checkout.PAGE_PATH + session.id() + "/authenticate"))
                    .append("\"><button id=\"authenticate\" type=\"submit\">Authenticate</button></form>");
        } else {
            String error = message;
            if (error == null && status == PaymentStatus.FAILED && payment.failure() != null) {
                error = payment.failure().message() != null
                        ? payment.failure().message()
                        : payment.failure().code();
            }
            if (error != null) {
                body.append("<p class=\"error\" id=\"error\" role=\"alert\">")
                        .append(escape(error))
                        .append("</p>");
            }
            body.append("<form method=\"post\" action=\"")
                    .append(escape(Checkout.PAGE_PATH + session.id()))
                    .append("\">")
                    .append("<label for=\"cardNumber\">Card number</label>")
                    .append("<input id=\"cardNumber\" name=\"cardNumber\" inputmode=\"numeric\""
                            + " autocomplete=\"cc-number\" placeholder=\"4242 4242 4242 4242\" required>")
                    .append("<label for=\"expiry\">Expiry (MM / YY)</label>")
                    .append("<input id=\"expiry\" name=\"expiry\" autocomplete=\"cc-exp\" placeholder=\"12 / 34\">")
                    .append("<label for=\"cvc\">CVC</label>")
                    .append("<input id=\"cvc\" name=\"cvc\" inputmode=\"numeric\" autocomplete=\"cc-csc\""
                            + " placeholder=\"123\">")
                    .append("<button id=\"pay\" type=\"submit\">Pay</button>")
                    .append("</form>");
            if (session.cancelUrl() != null) {
                body.append("<p>")
                        .append(link("cancel", session.cancelUrl(), "Cancel and go back"))
                        .append("</p>");
            }
            body.append("<p><small>A simulated checkout: use Stripe's test cards (4242 4242 4242 4242 succeeds,"
                    + " 4000 0000 0000 0002 is declined, 4000 0025 0000 3155 asks for authentication).</small></p>");
        }
        return document("Checkout", body.toString());
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>" + body
                + "</body></html>";
    }

    private static String link(String id, String url, String text) {
        return "<a id=\"" + id + "\" href=\"" + escape(url) + "\" rel=\"noreferrer\">" + escape(text) + "</a>";
    }

    /** The amount in the currency's major unit, exactly: 1999 usd is "19.99 USD", 500 jpy "500 JPY". */
    static String amount(PaymentView payment) {
        Currency currency = CurrencyRules.currency(payment.currency());
        BigDecimal major = BigDecimal.valueOf(payment.amount(), CurrencyRules.minorDigits(currency));
        return major.toPlainString() + " " + currency.getCurrencyCode().toUpperCase(Locale.ROOT);
    }

    /** A URL's origin for the policy: scheme, host and any port (the URL was checked to be absolute http or https). */
    private static String origin(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            return "'none'";
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
