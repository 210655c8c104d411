package io.ledger.app.web;

import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own refusals, made before any filter or servlet runs (a path that is no valid percent-encoding, headers
 * over Tomcat's limit, a transfer coding or HTTP version it does not speak: 400, where Tomcat says 501 or 505), as the
 * same problems the application answers, with an {@code X-Request-Id}, instead of Tomcat's HTML page. Anything the application answered itself is left alone, as Tomcat's own valve leaves it.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private static final int NOT_IMPLEMENTED = 501;
    private static final int VERSION_NOT_SUPPORTED = 505;

    private final JsonMapper json;

    ProblemReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == NOT_IMPLEMENTED || status == VERSION_NOT_SUPPORTED) {
            // A transfer coding or HTTP version Tomcat does not speak: the request's form, not a failure (found by
            // HttpFuzzIT, Transfer-Encoding: identity).
            status = 400;
            response.setStatus(status);
        }
        ProblemCode code = ProblemCode.forStatus(status);
        String detail = status >= 500
                ? "The ledger failed to handle the request."
                : "The server refused the request before it reached the ledger: its URL, headers or framing are not"
                        + " acceptable.";
        Problem problem = Problem.of(code, status, detail, request.getRequestURI(), List.of());
        try {
            if (!response.containsHeader(RequestIds.HEADER)) {
                response.setHeader(RequestIds.HEADER, RequestIds.of(request.getHeader(RequestIds.HEADER)));
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the problem of a refused request", e);
        }
    }
}
