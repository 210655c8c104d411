package io.ledger.app.cluster;

import io.ledger.api.problem.LedgerProblem;
import java.util.Map;

/**
 * A broken rule of a command that another node handled, standing in for the rule's own exception on the node that
 * answers the request: the same code, detail, fields and headers, so the same problem.
 */
final class ForwardedProblem extends LedgerProblem {

    private final String detail;
    private final Map<String, String> headers;

    ForwardedProblem(RemoteFailure failure) {
        super(failure.code(), failure.message(), failure.errors());
        this.detail = failure.detail();
        this.headers = failure.headers();
    }

    @Override
    public String detail() {
        return detail;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }
}
