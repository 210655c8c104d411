package io.ledger.command.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Dispute;
import com.stripe.net.ApiResource;
import io.ledger.api.money.Money;
import org.junit.jupiter.api.Test;

class DisputeMoneyTest {

    private static final String WITHDRAWAL = """
            {"id": "txn_w", "object": "balance_transaction", "amount": -1999, "currency": "usd", "fee": 1500,
             "net": -3499, "type": "adjustment", "reporting_category": "dispute"}""";
    private static final String REINSTATEMENT = """
            {"id": "txn_r", "object": "balance_transaction", "amount": 1999, "currency": "usd", "fee": -1500,
             "net": 3499, "type": "adjustment", "reporting_category": "dispute_reversal"}""";

    @Test
    void anOpenDisputeWithdrewTheAmountAndTheFee() {
        assertThat(DisputeMoney.of(dispute(WITHDRAWAL)))
                .isEqualTo(new DisputeMoney(Money.of(1999, "usd"), Money.of(1500, "usd"), Money.of(0, "usd")));
    }

    @Test
    void aWonDisputeReturnedTheFee() {
        assertThat(DisputeMoney.of(dispute(WITHDRAWAL + "," + REINSTATEMENT)))
                .isEqualTo(new DisputeMoney(Money.of(1999, "usd"), Money.of(1500, "usd"), Money.of(1500, "usd")));
    }

    @Test
    void anInquiryWithdrewNothing() {
        assertThat(DisputeMoney.of(dispute("")))
                .isEqualTo(new DisputeMoney(Money.of(0, "usd"), Money.of(0, "usd"), Money.of(0, "usd")));
    }

    @Test
    void aWithdrawalInTheSettlementCurrencyCountsTheDisputedAmountWithoutFee() {
        assertThat(DisputeMoney.of(dispute(WITHDRAWAL.replace("\"usd\"", "\"eur\""))))
                .isEqualTo(new DisputeMoney(Money.of(1999, "usd"), Money.of(0, "usd"), Money.of(0, "usd")));
    }

    private static Dispute dispute(String transactions) {
        return ApiResource.GSON.fromJson("""
                {"id": "dp_1", "object": "dispute", "amount": 1999, "currency": "usd", "status": "needs_response",
                 "balance_transactions": [%s]}""".formatted(transactions), Dispute.class);
    }
}
