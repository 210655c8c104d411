package io.ledger.api.report;

import io.ledger.api.ledger.AccountMovementView;
import java.util.List;

/**
 * One currency's statement for the period, amounts in its minor units. {@code counts} are the period's facts;
 * {@code statuses} the payments created in the period by the status they have now. {@code gross} was captured,
 * {@code refunded} paid back by succeeded refunds, {@code fees} charged by the providers' settlements, {@code net} =
 * gross - refunded - fees (the stats' figures of the same days); {@code disputed} was withdrawn by disputes opened in
 * the period (their fees aside), shown beside net rather than taken from it, since a dispute may yet be won. {@code
 * accounts} is every account of the chart in this currency, with its opening and closing balance.
 */
public record CurrencyReportView(
        String currency,
        ReportCountsView counts,
        List<StatusCountView> statuses,
        long gross,
        long refunded,
        long fees,
        long disputed,
        long net,
        List<AccountMovementView> accounts) {

    public CurrencyReportView {
        statuses = List.copyOf(statuses);
        accounts = List.copyOf(accounts);
    }
}
