package io.ledger.query.audit;

/**
 * A kept digest checked against the ledger now: the signature is the ledger's ({@code signatureValid}), the chain still
 * has that hash at that index ({@code chainMatches}), and the stored events up to there recompute to it
 * ({@code logRecomputes}). {@code valid} when all three hold; {@code detail} says what failed.
 */
public record DigestVerification(
        boolean valid, boolean signatureValid, boolean chainMatches, boolean logRecomputes, String detail) {}
