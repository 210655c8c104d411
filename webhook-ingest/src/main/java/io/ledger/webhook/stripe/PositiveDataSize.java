package io.ledger.webhook.stripe;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Positive;
import org.springframework.util.unit.DataSize;

/**
 * Lets {@code @Positive} check a {@link DataSize} (Bean Validation knows only numbers): Hibernate Validator finds it
 * through {@code META-INF/services/jakarta.validation.ConstraintValidator}. A missing size is not this check's business.
 */
public final class PositiveDataSize implements ConstraintValidator<Positive, DataSize> {

    @Override
    public boolean isValid(DataSize size, ConstraintValidatorContext context) {
        return size == null || size.toBytes() > 0;
    }
}
