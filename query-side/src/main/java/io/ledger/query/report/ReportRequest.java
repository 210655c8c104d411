package io.ledger.query.report;

import io.ledger.api.report.FindPaymentReportQuery;

/** A report asked for over HTTP: which statement, and written how. */
record ReportRequest(FindPaymentReportQuery query, ReportFormat format) {

    /** {@code payment-report-2026-11-01-2026-11-30[-usd].csv} */
    String fileName() {
        return "payment-report-" + query.from() + "-" + query.to()
                + (query.currency() == null ? "" : "-" + query.currency()) + "." + format.code();
    }
}
