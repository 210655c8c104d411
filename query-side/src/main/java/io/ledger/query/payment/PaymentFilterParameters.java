package io.ledger.query.payment;

import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.Provider;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The filters that the payment list and the CSV export share ({@link PaymentListParameters}), described once for the
 * OpenAPI description. The controller reads them from one map, so springdoc cannot see them on its own.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
        name = "status",
        in = ParameterIn.QUERY,
        explode = Explode.FALSE,
        description = "Only payments in one of these statuses, comma separated.",
        array = @ArraySchema(schema = @Schema(implementation = PaymentStatus.class)))
@Parameter(
        name = "customerId",
        in = ParameterIn.QUERY,
        description = "Only this customer's payments (exact match).",
        schema = @Schema(type = "string"))
@Parameter(
        name = "orderId",
        in = ParameterIn.QUERY,
        description = "Only payments of this order (exact match).",
        schema = @Schema(type = "string"))
@Parameter(
        name = "provider",
        in = ParameterIn.QUERY,
        description = "Only payments of this provider.",
        schema = @Schema(implementation = Provider.class))
@Parameter(
        name = "currency",
        in = ParameterIn.QUERY,
        description = "Only payments in this ISO 4217 currency, in either case.",
        schema = @Schema(type = "string", example = "usd"))
@Parameter(
        name = "createdFrom",
        in = ParameterIn.QUERY,
        description = "Only payments created at or after this instant (ISO-8601, UTC).",
        schema = @Schema(type = "string", format = "date-time"))
@Parameter(
        name = "createdTo",
        in = ParameterIn.QUERY,
        description = "Only payments created before this instant (exclusive).",
        schema = @Schema(type = "string", format = "date-time"))
@Parameter(
        name = "minAmount",
        in = ParameterIn.QUERY,
        description = "Only payments of at least this amount, in minor units.",
        schema = @Schema(type = "integer", format = "int64", minimum = "0"))
@Parameter(
        name = "maxAmount",
        in = ParameterIn.QUERY,
        description = "Only payments of at most this amount, in minor units.",
        schema = @Schema(type = "integer", format = "int64", minimum = "0"))
@Parameter(
        name = "q",
        in = ParameterIn.QUERY,
        description = "A payment id, order id or provider payment id (exact), or a part of the description.",
        schema = @Schema(type = "string"))
@Parameter(
        name = "archived",
        in = ParameterIn.QUERY,
        description = "`true`: archived payments too (they are left out by default); `false`: without them.",
        schema = @Schema(type = "boolean", defaultValue = "false"))
@interface PaymentFilterParameters {}
