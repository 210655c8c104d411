package io.ledger.query.projection;

/**
 * Where one read model's processor stands: the lowest position of its segments against the newest stored event
 * (the global index; 0 while a stored segment is not being processed), and whether it is rebuilding ({@code replaying})
 * up to {@code replayUntil}; {@code replayProgressPercent} is how far the rebuild has come (whole percent, 100 when not
 * rebuilding).
 */
public record ProjectionStatus(
        String name,
        boolean running,
        boolean replaying,
        boolean error,
        int segments,
        long position,
        long head,
        long lag,
        Long replayUntil,
        int replayProgressPercent) {}
