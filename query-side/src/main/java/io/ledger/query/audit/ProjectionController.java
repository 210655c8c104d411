package io.ledger.query.audit;

import io.ledger.query.projection.ProjectionStatus;
import io.ledger.query.projection.Projections;
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
class ProjectionController {

    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    List<ProjectionStatus> list() {
        return projections.statuses();
    }

    /** Starts the rebuild and answers at once; its progress shows in {@link #list()}. */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus replay(@PathVariable String name) {
        projections.replay(name);
        return projections.status(name);
    }
}
