package io.ledger.query.audit;

import io.ledger.query.projection.ProjectionStatus;
import io.ledger.query.projection.Projections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Each read model's processor, and its rebuild from the event store, for operators and auditors. */
@RestController
@RequestMapping("/api/audit/projections")
@Tag(name = "Projections")
class ProjectionController {

    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
    }

    @Operation(operationId = "listProjections", summary = "List the read models' processors", description = """
                    Each read model's processor: whether it runs, replays or stopped on an error, its segments, its \
                    position (the lowest of its segments) against the event store's head, the lag between them, and \
                    how far a rebuild has come.""")
    @ApiResponse(responseCode = "200", description = "Every processor.")
    @GetMapping
    List<ProjectionStatus> list() {
        return projections.statuses();
    }

    /** Starts the rebuild and answers at once; its progress shows in {@link #list()}. */
    @Operation(operationId = "replayProjection", summary = "Rebuild a read model", description = """
                    Empties the read model and rebuilds it from the event store through Axon's token reset, while the \
                    ledger keeps taking commands; answers at once. Follow the rebuild in `GET /api/audit/projections`. \
                    Asking again restarts the rebuild.""")
    @Parameter(
            name = "name",
            in = ParameterIn.PATH,
            description = "`journal`, `payment-history`, `payment-stats` or `reconciliation`.",
            example = "payment-history")
    @ApiResponse(responseCode = "202", description = "The rebuild started; the processor's status.")
    @ApiResponse(responseCode = "404", description = "`projection_not_found`: no read model has this name.")
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus replay(@PathVariable String name) {
        projections.replay(name);
        return projections.status(name);
    }
}
