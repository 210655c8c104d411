package io.ledger.command.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedFeesTest {

    @ParameterizedTest(name = "settling {1} {0} costs {2}")
    @CsvSource({
        "USD, 1999, 88", // 57.97 -> 58, + 30
        "USD, 1000, 59", // 29 + 30
        "USD, 50, 31", // Stripe's smallest charge: 1.45 -> 1, + 30
        "USD, 99999999, 2900030",
        "EUR, 2517, 103", // 72.993 -> 73, + 30
        "JPY, 4800, 139", // zero-decimal: no fixed part
        "KWD, 12340, 650", // 358 + 300 = 658, rounded down to 10 fils
        "ISK, 50000, 1400", // 1450 + 30 = 1480, rounded down to a whole krona
        "AFN, 20, 20" // no minimum charge: the fee takes the whole gross, never more
    })
    void aSettlementCosts2Point9PercentPlus30CentsInAnAmountTheCurrencyCanMove(String code, long gross, long fee) {
        Money charged = SimulatedFees.settlement(Money.of(gross, code));

        assertThat(charged).isEqualTo(Money.of(fee, code));
        assertThat(charged.minor() % CurrencyRules.amountStep(charged.currency()))
                .isZero();
    }

    @ParameterizedTest(name = "a dispute in {0} costs {1}")
    @CsvSource({"USD, 1500", "EUR, 1500", "JPY, 15", "KWD, 15000", "ISK, 1500"})
    void aDisputeCosts15UnitsOfTheCurrency(String code, long fee) {
        assertThat(SimulatedFees.dispute(CurrencyRules.currency(code))).isEqualTo(Money.of(fee, code));
    }
}
