package io.ledger.api.caller;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes a call and what its token allows. The subject is the {@code actor} of the events the call causes and, for
 * the {@code :own} scopes, the customer whose payments alone it may see or change.
 *
 * @param subject the token's {@code sub}; {@code anonymous} when authentication is off
 * @param scopes what the token allows (a copy is kept)
 */
public record Caller(String subject, Set<Scope> scopes) {

    /** The caller of a ledger whose authentication is off ({@code LEDGER_AUTH=none}): a gateway decided already. */
    public static final Caller UNAUTHENTICATED = new Caller("anonymous", EnumSet.allOf(Scope.class));

    public Caller {
        Objects.requireNonNull(subject, "subject");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** Whether the token grants the scope. */
    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }

    /**
     * The customer whose payments alone this caller may read, or empty when it may read every payment. A caller with
     * neither read scope is confined to its own: the narrowest answer where the security rules would have refused.
     */
    public Optional<String> readsOnlyCustomer() {
        return may(Scope.PAYMENTS_READ) || may(Scope.ANALYTICS_READ) ? Optional.empty() : Optional.of(subject);
    }

    /** The customer whose payments alone this caller may create, confirm or cancel, or empty when it may any. */
    public Optional<String> writesOnlyCustomer() {
        return may(Scope.PAYMENTS_WRITE) ? Optional.empty() : Optional.of(subject);
    }

    /**
     * The customer whose record and payment methods alone this caller may see and change ({@code customers:own}), or
     * empty when it may any customer's ({@code customers}).
     */
    public Optional<String> managesOnlyCustomer() {
        return may(Scope.CUSTOMERS) ? Optional.empty() : Optional.of(subject);
    }
}
