package io.ledger.command.checkout;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The request body of {@code POST /api/checkout/sessions}. Limits follow the payment's and Stripe's. */
final class CheckoutRequests {

    static final int MAX_URL = 2048;

    private CheckoutRequests() {}

    record CreateCheckoutSessionBody(
            @NotNull @Positive @Max(CurrencyRules.MAX_AMOUNT)
            Long amount,

            @NotBlank String currency,

            // Omitted only by a caller with payments:write:own, whose own it then is; given, it is not blank.
            @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") @Size(max = 255)
            String customerId,

            @Size(max = 255) String orderId,
            @Size(max = 1000) String description,
            @NotBlank @Size(max = MAX_URL) String successUrl,
            @Size(max = MAX_URL) String cancelUrl) {

        /** The session to open; every field checked before anything is created. */
        OpenCheckout toOpen(@Nullable String onlyCustomer) {
            Money money = Money.of(amount, currency);
            CurrencyRules.checkChargeAmount(money);
            String customer = customerId != null ? customerId : onlyCustomer;
            if (customer == null) {
                throw new CustomerMissing();
            }
            return new OpenCheckout(
                    money,
                    customer,
                    orderId,
                    description,
                    redirect("successUrl", successUrl),
                    cancelUrl == null ? null : redirect("cancelUrl", cancelUrl),
                    onlyCustomer);
        }
    }

    /** What a session is opened with, checked. */
    record OpenCheckout(
            Money amount,
            String customerId,
            @Nullable String orderId,
            @Nullable String description,
            String successUrl,
            @Nullable String cancelUrl,
            @Nullable String onlyCustomer) {}

    /** An absolute http or https URL with a host, as Stripe asks of success_url and cancel_url. */
    static String redirect(String field, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute()
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw new RedirectUrlInvalid(field);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new RedirectUrlInvalid(field);
        }
    }

    /** A session needs a customer; only a caller confined to its own payments may omit it. */
    static final class CustomerMissing extends io.ledger.api.problem.LedgerProblem {

        CustomerMissing() {
            super("customerId", "must not be blank");
        }

        @Override
        public String detail() {
            return "The request has invalid fields.";
        }
    }
}
