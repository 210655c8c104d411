package io.ledger.query.receipt;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.receipts.*} (env {@code LEDGER_RECEIPTS_...}), checked at start.
 *
 * @param merchantName the merchant a receipt and every email is from: printed on the receipt and in the emails
 */
@ConfigurationProperties("ledger.receipts")
@Validated
record ReceiptSettings(
        @DefaultValue("Ledger") @NotBlank @Size(max = 200) String merchantName) {}
