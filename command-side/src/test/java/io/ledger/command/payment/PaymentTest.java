package io.ledger.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.InvalidMoney;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ArchivePaymentCommand;
import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.api.payment.ConfirmPaymentCommand;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.FailPaymentCommand;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentArchived;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.PaymentUpdated;
import io.ledger.api.payment.PaymentUpdated.AmountChange;
import io.ledger.api.payment.PaymentUpdated.TextChange;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentCanceledCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RecordProcessingSucceededCommand;
import io.ledger.api.payment.RecordRefundFailedCommand;
import io.ledger.api.payment.RecordRefundSucceededCommand;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.api.payment.UpdatePaymentCommand;
import io.ledger.command.customer.CustomerResources;
import io.ledger.command.provider.AmountChangeRequest;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.PaymentProvider;
import io.ledger.command.provider.PaymentRequest;
import io.ledger.command.provider.ProviderPayment;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import io.ledger.command.provider.UnknownPaymentMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command path of the Payment aggregate, driven through its own handlers and through {@link
 * PaymentCommandHandler} with a provider that behaves like the simulated one and records what it was asked.
 */
class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:12:24.123Z");
    private static final Instant SETTLED_AT = Instant.parse("2026-11-24T00:00:00Z");

    private static final PaymentId ID = PaymentId.of("pay_Test0000000000000000001");
    private static final String PROVIDER_ID = "sim_" + ID.value();
    private static final String CLIENT_SECRET = PROVIDER_ID + "_secret_test";
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Money AMOUNT = new Money(1999, USD);
    private static final Map<String, String> METADATA = Map.of("channel", "web");

    private static final RefundId REFUND_1 = RefundId.of("re_Test00000000000000000001");
    private static final RefundId REFUND_2 = RefundId.of("re_Test00000000000000000002");
    private static final RefundId REFUND_3 = RefundId.of("re_Test00000000000000000003");

    private static final String VISA = "pm_card_visa";
    private static final String DECLINED = "pm_card_chargeDeclined";
    private static final String INSUFFICIENT_FUNDS = "pm_card_insufficientFunds";
    private static final String AUTHENTICATION_REQUIRED = "pm_card_authenticationRequired";
    private static final String PROCESSING = "pm_card_processing";
    /** A method whose confirmation's answer never arrives: the fake provider answers "outcome unknown". */
    private static final String UNREACHABLE = "pm_test_unreachable";

    private AggregateTestFixture<Payment> fixture;
    private FakeProvider provider;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        provider = new FakeProvider();
        // As CommandSideConfiguration does: shared-api's commands carry no Axon annotations.
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                ((PaymentCommand) command.getPayload()).paymentId().value(), null));
        fixture.registerAnnotatedCommandHandler(
                new PaymentCommandHandler(fixture.getRepository(), fixture.getEventStore(), provider, NO_CUSTOMERS));
    }

    /** No customer is registered: a payment confirmed without a method has no default to charge. */
    private static final CustomerResources NO_CUSTOMERS = new CustomerResources(
            EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine())
                    .build(),
            Clock.systemUTC());

    @Nested
    class Creating {

        @Test
        void creatingWithoutConfirmLeavesThePaymentPending() {
            given().when(create(VISA, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created(VISA))
                    .expectResultMessagePayload(new NewPayment(ID, CLIENT_SECRET));

            assertThat(provider.calls)
                    .containsExactly(new PaymentRequest(ID, AMOUNT, "cus_1", "order_1", "Two books", METADATA));
        }

        @Test
        void creatingWithoutAnyMethodLeavesThePaymentPending() {
            given().when(create(null, false)).expectEvents(created(null));
        }

        @Test
        void creatingAndConfirmingWithAWorkingCardSucceeds() {
            given().when(create(VISA, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created(VISA), succeeded(VISA))
                    .expectResultMessagePayload(new NewPayment(ID, CLIENT_SECRET));

            assertThat(provider.calls)
                    .containsExactly(
                            new PaymentRequest(ID, AMOUNT, "cus_1", "order_1", "Two books", METADATA),
                            new ChargeRequest(ID, PROVIDER_ID, AMOUNT, VISA, 1, false));
        }

        @Test
        void creatingAndConfirmingWithADeclinedCardRecordsTheDecline() {
            given().when(create(DECLINED, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created(DECLINED), declined())
                    .expectResultMessagePayload(new NewPayment(ID, CLIENT_SECRET));
        }

        @Test
        void creatingAndConfirmingWithInsufficientFundsRecordsTheFailure() {
            given().when(create(INSUFFICIENT_FUNDS, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            created(INSUFFICIENT_FUNDS),
                            new PaymentFailed(
                                    ID,
                                    AMOUNT,
                                    "insufficient_funds",
                                    "Your card has insufficient funds.",
                                    PROVIDER_ID,
                                    INSUFFICIENT_FUNDS,
                                    null,
                                    ProviderDetails.NONE));
        }

        @Test
        void creatingAndConfirmingACardThatNeedsAuthenticationRequiresAction() {
            given().when(create(AUTHENTICATION_REQUIRED, true))
                    .expectEvents(created(AUTHENTICATION_REQUIRED), actionRequired());
        }

        @Test
        void creatingAndConfirmingAnAsynchronousMethodStartsProcessing() {
            given().when(create(PROCESSING, true)).expectEvents(created(PROCESSING), processingStarted());
        }

        @Test
        void aConfirmationWhoseAnswerIsLostIsRecordedAsOutcomeUnknown() {
            given().when(create(UNREACHABLE, true)).expectEvents(created(UNREACHABLE), outcomeUnknown(UNREACHABLE));
        }

        @Test
        void creatingWithConfirmButNoPaymentMethodIsRejected() {
            given().when(create(null, true))
                    .expectException(PaymentMethodRequired.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void creatingBelowStripesMinimumChargeIsRejected() {
            given().when(new CreatePaymentCommand(
                            ID, new Money(49, USD), "cus_1", "order_1", "Two books", METADATA, VISA, true, null))
                    .expectException(InvalidMoney.InvalidAmount.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aCreateRetriedAfterItsAnswerWasLostAnswersThePaymentStoredAndChangesNothing() {
            given(created(VISA), succeeded(VISA))
                    .when(create(VISA, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new NewPayment(ID, CLIENT_SECRET));

            // Asked again with the first attempt's id (its idempotency key), never charged again.
            assertThat(provider.calls)
                    .containsExactly(new PaymentRequest(ID, AMOUNT, "cus_1", "order_1", "Two books", METADATA));
        }

        @Test
        void aRetriedCreateAskingForAnotherPaymentIsRefusedAsAReusedKey() {
            given(created(VISA))
                    .when(new CreatePaymentCommand(
                            ID, new Money(2999, USD), "cus_1", "order_1", "Two books", METADATA, VISA, false, null))
                    .expectException(RetriedCreateDiffers.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void creatingWithAPaymentMethodTheProviderDoesNotKnowIsRejected() {
            given().when(create("pm_card_bogus", true))
                    .expectException(UnknownPaymentMethod.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Confirming {

        @Test
        void confirmingAPendingPaymentChargesTheMethodGivenAtCreation() {
            given(created(VISA))
                    .when(new ConfirmPaymentCommand(ID, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(succeeded(VISA));

            assertThat(provider.calls).containsExactly(new ChargeRequest(ID, PROVIDER_ID, AMOUNT, VISA, 1, false));
        }

        @Test
        void theProvidersChargeAndBalanceTransactionAreRecordedWithTheSuccess() {
            ProviderDetails details = new ProviderDetails("ch_1", "txn_1", "2026-07-29.dahlia");
            provider.chargeOutcome = new ChargeOutcome.Succeeded(details);

            given(created(VISA))
                    .when(new ConfirmPaymentCommand(ID, null, null))
                    .expectEvents(new PaymentSucceeded(ID, AMOUNT, PROVIDER_ID, VISA, details));
        }

        @Test
        void aDeclineIsRecordedWithTheIssuersDeclineCodeAndTheProvidersDetails() {
            ProviderDetails details = new ProviderDetails("ch_2", null, "2026-07-29.dahlia");
            provider.chargeOutcome =
                    new ChargeOutcome.Failed("card_declined", "generic_decline", "Your card was declined.", details);

            given(created(VISA))
                    .when(new ConfirmPaymentCommand(ID, null, null))
                    .expectEvents(new PaymentFailed(
                            ID,
                            AMOUNT,
                            "card_declined",
                            "Your card was declined.",
                            PROVIDER_ID,
                            VISA,
                            "generic_decline",
                            details));
        }

        @Test
        void confirmingWithAnotherMethodThanAtCreationChargesTheNewOne() {
            given(created(VISA))
                    .when(new ConfirmPaymentCommand(ID, DECLINED, null))
                    .expectEvents(declined());
        }

        @Test
        void confirmingAPendingPaymentWithoutAnyMethodIsRejected() {
            given(created(null))
                    .when(new ConfirmPaymentCommand(ID, null, null))
                    .expectException(PaymentMethodRequired.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aFailedPaymentCanBeRetriedWithAnotherMethod() {
            given(created(DECLINED), declined())
                    .when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(succeeded(VISA));

            assertThat(provider.calls).containsExactly(new ChargeRequest(ID, PROVIDER_ID, AMOUNT, VISA, 2, false));
        }

        @Test
        void retryingAFailedPaymentWithTheSameDeclinedMethodFailsAgain() {
            given(created(DECLINED), declined())
                    .when(new ConfirmPaymentCommand(ID, null, null))
                    .expectEvents(declined());

            assertThat(provider.calls).containsExactly(new ChargeRequest(ID, PROVIDER_ID, AMOUNT, DECLINED, 2, false));
        }

        @Test
        void confirmingAfterTheCustomerCompletedTheRequiredActionSucceeds() {
            given(created(AUTHENTICATION_REQUIRED), actionRequired())
                    .when(new ConfirmPaymentCommand(ID, null, null))
                    .expectEvents(succeeded(AUTHENTICATION_REQUIRED));

            assertThat(provider.calls)
                    .containsExactly(new ChargeRequest(ID, PROVIDER_ID, AMOUNT, AUTHENTICATION_REQUIRED, 2, true));
        }

        @Test
        void confirmingASucceededPaymentIsANoOp() {
            given(created(VISA), succeeded(VISA))
                    .when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void confirmingAProcessingPaymentIsANoOp() {
            given(created(PROCESSING), processingStarted())
                    .when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void confirmingARefundedPaymentIsANoOp() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1999),
                            refundSucceeded(REFUND_1, 1999, PaymentStatus.REFUNDED))
                    .when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void confirmingACanceledPaymentIsRejected() {
            given(created(VISA), canceled())
                    .when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void confirmingAPaymentThatDoesNotExistFails() {
            given().when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }
    }

    @Nested
    class Failing {

        @Test
        void failingAPendingPaymentRecordsTheFailure() {
            given(created(VISA))
                    .when(new FailPaymentCommand(ID, "expired", "The payment expired."))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PaymentFailed(
                            ID, AMOUNT, "expired", "The payment expired.", PROVIDER_ID, VISA, null, null));
        }

        @Test
        void failingAProcessingPaymentRecordsTheFailure() {
            given(created(PROCESSING), processingStarted())
                    .when(new FailPaymentCommand(ID, "payment_failed", "The bank rejected the debit."))
                    .expectEvents(new PaymentFailed(
                            ID,
                            AMOUNT,
                            "payment_failed",
                            "The bank rejected the debit.",
                            PROVIDER_ID,
                            PROCESSING,
                            null,
                            null));
        }

        @Test
        void failingAPaymentThatRequiresActionRecordsTheFailure() {
            given(created(AUTHENTICATION_REQUIRED), actionRequired())
                    .when(new FailPaymentCommand(ID, "authentication_failed", "3-D Secure failed."))
                    .expectEvents(new PaymentFailed(
                            ID,
                            AMOUNT,
                            "authentication_failed",
                            "3-D Secure failed.",
                            PROVIDER_ID,
                            AUTHENTICATION_REQUIRED,
                            null,
                            null));
        }

        @Test
        void failingAFailedPaymentIsANoOpThatKeepsTheFirstFailure() {
            given(created(DECLINED), declined())
                    .when(new FailPaymentCommand(ID, "expired", "The payment expired."))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSucceededPaymentNeverGoesBackToFailed() {
            given(created(VISA), succeeded(VISA))
                    .when(new FailPaymentCommand(ID, "expired", "The payment expired."))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void failingACanceledPaymentIsRejected() {
            given(created(VISA), canceled())
                    .when(new FailPaymentCommand(ID, "expired", "The payment expired."))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Canceling {

        @Test
        void cancelingAPendingPaymentCancelsItAtTheProvider() {
            given(created(VISA))
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(canceled());

            assertThat(provider.calls).containsExactly(new CancelRequest(ID, PROVIDER_ID, "requested_by_customer"));
        }

        @Test
        void cancelingAFailedPaymentCancelsIt() {
            given(created(DECLINED), declined())
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", null))
                    .expectEvents(canceled());

            assertThat(provider.calls).containsExactly(new CancelRequest(ID, PROVIDER_ID, "requested_by_customer"));
        }

        @Test
        void cancelingAPaymentThatRequiresActionCancelsIt() {
            given(created(AUTHENTICATION_REQUIRED), actionRequired())
                    .when(new CancelPaymentCommand(ID, "abandoned", null))
                    .expectEvents(new PaymentCanceled(ID, "abandoned"));
        }

        @Test
        void cancelingTwiceIsANoOp() {
            given(created(VISA), canceled())
                    .when(new CancelPaymentCommand(ID, "duplicate", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void cancelingASucceededPaymentIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", null))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void cancelingAProcessingPaymentIsRejected() {
            given(created(PROCESSING), processingStarted())
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", null))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void cancelingAPartiallyRefundedPaymentIsRejected() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 500),
                            refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", null))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }
    }

    @Nested
    class Updating {

        @Test
        void anUpdateRecordsEachChangedFieldFromItsOldValueToItsNewOne() {
            given(created(VISA))
                    .when(new UpdatePaymentCommand(ID, 2500L, "Three books", "order_2", Map.of("gift", "yes")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PaymentUpdated(
                            ID,
                            new AmountChange(AMOUNT, new Money(2500, USD)),
                            new TextChange("Two books", "Three books"),
                            new TextChange("order_1", "order_2"),
                            Map.of("gift", new TextChange(null, "yes"))))
                    .expectState(payment -> {
                        assertThat(payment.amount).isEqualTo(new Money(2500, USD));
                        assertThat(payment.metadata).isEqualTo(Map.of("channel", "web", "gift", "yes"));
                    });

            assertThat(provider.calls)
                    .containsExactly(new AmountChangeRequest(ID, PROVIDER_ID, new Money(2500, USD), 1));
        }

        @Test
        void onlyWhatDiffersIsRecorded() {
            given(created(VISA))
                    .when(new UpdatePaymentCommand(ID, 1999L, "Two books", "order_2", Map.of("channel", "web")))
                    .expectEvents(new PaymentUpdated(ID, null, null, new TextChange("order_1", "order_2"), Map.of()));

            assertThat(provider.calls).as("the amount did not change").isEmpty();
        }

        @Test
        void anEmptyTextClearsTheFieldAndAnEmptyMetadataValueRemovesTheKey() {
            given(created(VISA))
                    .when(new UpdatePaymentCommand(ID, null, "", "", Map.of("channel", "", "absent", "")))
                    .expectEvents(new PaymentUpdated(
                            ID,
                            null,
                            new TextChange("Two books", null),
                            new TextChange("order_1", null),
                            Map.of("channel", new TextChange("web", null))))
                    .expectState(payment -> assertThat(payment.metadata).isEmpty());
        }

        @Test
        void anUpdateThatChangesNothingIsANoOpInAnyState() {
            given(created(VISA), succeeded(VISA))
                    .when(new UpdatePaymentCommand(ID, 1999L, "Two books", null, Map.of("channel", "web", "gone", "")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void theAmountOfACapturedPaymentNeverChanges() {
            given(created(VISA), succeeded(VISA))
                    .when(new UpdatePaymentCommand(ID, 2500L, "Three books", null, null))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void theAmountOfAFailedPaymentNeverChanges() {
            given(created(DECLINED), declined())
                    .when(new UpdatePaymentCommand(ID, 2500L, null, null, null))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void theDescriptionOfACapturedPaymentMayChange() {
            given(created(VISA), succeeded(VISA))
                    .when(new UpdatePaymentCommand(ID, null, "Three books", null, null))
                    .expectEvents(new PaymentUpdated(ID, null, new TextChange("Two books", "Three books"), null, null));
        }

        @Test
        void aNewAmountMustBeOneTheCurrencyCanCharge() {
            given(created(VISA))
                    .when(new UpdatePaymentCommand(ID, 49L, null, null, null))
                    .expectException(InvalidMoney.InvalidAmount.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void atMostFiftyMetadataKeysRemainAfterTheMerge() {
            given(created(VISA))
                    .when(new UpdatePaymentCommand(ID, null, null, null, keys(50)))
                    .expectException(TooManyMetadataKeys.class)
                    .expectNoEvents();
        }

        @Test
        void keysRemovedByTheSameUpdateMakeRoomForNewOnes() {
            Map<String, String> fifty = new java.util.HashMap<>(keys(50));
            fifty.put("channel", "");
            given(created(VISA))
                    .when(new UpdatePaymentCommand(ID, null, null, null, fifty))
                    .expectSuccessfulHandlerExecution()
                    .expectState(payment -> assertThat(payment.metadata).hasSize(50));
        }

        private static Map<String, String> keys(int count) {
            Map<String, String> keys = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                keys.put("k" + i, "v");
            }
            return keys;
        }

        @Test
        void eachAmountChangeHasItsOwnProviderKeyEvenBackAndForth() {
            given(created(VISA), amountChanged(1999, 2500), amountChanged(2500, 1999))
                    .when(new UpdatePaymentCommand(ID, 2500L, null, null, null))
                    .expectEvents(amountChanged(1999, 2500));

            assertThat(provider.calls)
                    .containsExactly(new AmountChangeRequest(ID, PROVIDER_ID, new Money(2500, USD), 3));
        }

        @Test
        void aChangedAmountIsWhatIsChargedAndRefunded() {
            given(created(VISA), amountChanged(1999, 2500))
                    .when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectEvents(
                            new PaymentSucceeded(ID, new Money(2500, USD), PROVIDER_ID, VISA, ProviderDetails.NONE));

            given(
                            created(VISA),
                            amountChanged(1999, 2500),
                            new PaymentSucceeded(ID, new Money(2500, USD), PROVIDER_ID, VISA, ProviderDetails.NONE))
                    .when(new RefundPaymentCommand(ID, REFUND_1, null, null, null))
                    .expectEventsMatching(eventsOfTypes(List.of(RefundRequested.class, RefundSucceeded.class)))
                    .expectState(payment -> assertThat(payment.state).isEqualTo(PaymentState.REFUNDED));
        }

        @Test
        void anArchivedPaymentTakesNoUpdate() {
            given(created(VISA), canceled(), new PaymentArchived(ID))
                    .when(new UpdatePaymentCommand(ID, null, "Three books", null, null))
                    .expectException(ArchivedPaymentIsFinal.class)
                    .expectNoEvents();

            given(created(VISA), canceled(), new PaymentArchived(ID))
                    .when(new UpdatePaymentCommand(ID, null, "Two books", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        private PaymentUpdated amountChanged(long from, long to) {
            return new PaymentUpdated(ID, new AmountChange(new Money(from, USD), new Money(to, USD)), null, null, null);
        }
    }

    @Nested
    class Archiving {

        @Test
        void archivingAPendingPaymentCancelsItAtTheProviderAndArchivesIt() {
            given(created(VISA))
                    .when(new ArchivePaymentCommand(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PaymentCanceled(ID, null), new PaymentArchived(ID))
                    .expectState(payment -> assertThat(payment.archived).isTrue());

            assertThat(provider.calls).containsExactly(new CancelRequest(ID, PROVIDER_ID, null));
        }

        @Test
        void archivingACanceledPaymentArchivesItWithoutAskingTheProvider() {
            given(created(VISA), canceled()).when(new ArchivePaymentCommand(ID)).expectEvents(new PaymentArchived(ID));

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void archivingTwiceIsANoOp() {
            given(created(VISA), canceled(), new PaymentArchived(ID))
                    .when(new ArchivePaymentCommand(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aCapturedPaymentCannotBeArchived() {
            given(created(VISA), succeeded(VISA))
                    .when(new ArchivePaymentCommand(ID))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void anArchivedPaymentStaysCanceled() {
            given(created(VISA), canceled(), new PaymentArchived(ID))
                    .when(new ConfirmPaymentCommand(ID, VISA, null))
                    .expectException(IllegalPaymentTransition.class);
        }
    }

    /** A caller with payments:write:own changes only payments whose customer it is (here cus_1 owns the payment). */
    @Nested
    class Ownership {

        @Test
        void aCustomerCreatesAPaymentForItself() {
            given().when(new CreatePaymentCommand(
                            ID, AMOUNT, "cus_1", "order_1", "Two books", METADATA, VISA, false, "cus_1"))
                    .expectEvents(created(VISA));
        }

        @Test
        void aCustomerCreatingAPaymentForAnotherIsForbiddenBeforeTheProviderHearsOfIt() {
            given().when(new CreatePaymentCommand(
                            ID, AMOUNT, "cus_1", "order_1", "Two books", METADATA, VISA, true, "cus_2"))
                    .expectException(PaymentForAnotherCustomer.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aCustomerConfirmsItsOwnPayment() {
            given(created(VISA))
                    .when(new ConfirmPaymentCommand(ID, null, "cus_1"))
                    .expectEvents(succeeded(VISA));
        }

        @Test
        void anotherCustomersConfirmationFindsNoPaymentAndChargesNothing() {
            given(created(VISA))
                    .when(new ConfirmPaymentCommand(ID, VISA, "cus_2"))
                    .expectException(AnotherCustomersPayment.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aCustomerCancelsItsOwnPayment() {
            given(created(VISA))
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", "cus_1"))
                    .expectEvents(canceled());
        }

        @Test
        void anotherCustomersCancellationFindsNoPaymentAndCancelsNothing() {
            given(created(VISA))
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", "cus_2"))
                    .expectException(AnotherCustomersPayment.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void anotherCustomersPaymentIsNotFoundWhereItsStateWouldRefuseTheMove() {
            // A 409 would tell that the payment exists: the customer's rule goes first.
            given(created(VISA), canceled())
                    .when(new ConfirmPaymentCommand(ID, VISA, "cus_2"))
                    .expectException(AnotherCustomersPayment.class)
                    .expectNoEvents();
            given(created(VISA), succeeded(VISA))
                    .when(new CancelPaymentCommand(ID, "requested_by_customer", "cus_2"))
                    .expectException(AnotherCustomersPayment.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void anotherCustomersPaymentIsAnsweredAsAnUnknownOne() {
            AnotherCustomersPayment refused = new AnotherCustomersPayment(ID.value());
            PaymentNotFound unknown = new PaymentNotFound(ID.value());

            assertThat(refused.code()).isEqualTo(unknown.code());
            assertThat(refused.detail()).isEqualTo(unknown.detail());
            assertThat(refused.getMessage()).isEqualTo(unknown.getMessage());
        }
    }

    @Nested
    class Refunding {

        @Test
        void refundingWithoutAnAmountRefundsAllThatRemains() {
            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, null, null, "requested_by_customer"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            refundRequested(REFUND_1, 1999), refundSucceeded(REFUND_1, 1999, PaymentStatus.REFUNDED));

            assertThat(provider.calls)
                    .containsExactly(new RefundRequest(ID, REFUND_1, PROVIDER_ID, AMOUNT, "requested_by_customer"));
        }

        @Test
        void refundingPartOfThePaymentLeavesItPartiallyRefunded() {
            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, 500L, null, "requested_by_customer"))
                    .expectEvents(
                            refundRequested(REFUND_1, 500),
                            refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED));
        }

        @Test
        void refundingInThePaymentsOwnCurrencyIsAccepted() {
            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, 500L, USD, "requested_by_customer"))
                    .expectEvents(
                            refundRequested(REFUND_1, 500),
                            refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED));
        }

        @Test
        void severalPartialRefundsUpToTheTotalRefundThePayment() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1000),
                            refundSucceeded(REFUND_1, 1000, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new RefundPaymentCommand(ID, REFUND_2, 999L, null, "requested_by_customer"))
                    .expectEvents(
                            refundRequested(REFUND_2, 999), refundSucceeded(REFUND_2, 999, PaymentStatus.REFUNDED));
        }

        @Test
        void refundingWithoutAnAmountAfterAPartialRefundRefundsTheRest() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1000),
                            refundSucceeded(REFUND_1, 1000, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new RefundPaymentCommand(ID, REFUND_2, null, null, "requested_by_customer"))
                    .expectEvents(
                            refundRequested(REFUND_2, 999), refundSucceeded(REFUND_2, 999, PaymentStatus.REFUNDED));
        }

        @Test
        void refundBeyondRemainingAmountIsRejected() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1000),
                            refundSucceeded(REFUND_1, 1000, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new RefundPaymentCommand(ID, REFUND_2, 1000L, null, "requested_by_customer"))
                    .expectException(RefundExceedsAvailableAmount.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void refundOfMoreThanThePaymentIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, 2000L, null, "requested_by_customer"))
                    .expectException(RefundExceedsAvailableAmount.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void refundingAFullyRefundedPaymentIsAnIllegalMoveFromAFinalState() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1999),
                            refundSucceeded(REFUND_1, 1999, PaymentStatus.REFUNDED))
                    .when(new RefundPaymentCommand(ID, REFUND_2, null, null, "requested_by_customer"))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aPendingRefundReservesItsAmount() {
            given(created(VISA), succeeded(VISA), refundRequested(REFUND_1, 1500))
                    .when(new RefundPaymentCommand(ID, REFUND_2, 500L, null, "requested_by_customer"))
                    .expectException(RefundExceedsAvailableAmount.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aFailedRefundMakesItsAmountAvailableAgain() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1999),
                            new RefundFailed(
                                    ID,
                                    REFUND_1,
                                    AMOUNT,
                                    "expired_or_canceled_card",
                                    "The card expired.",
                                    null,
                                    ProviderDetails.NONE))
                    .when(new RefundPaymentCommand(ID, REFUND_2, null, null, "requested_by_customer"))
                    .expectEvents(
                            refundRequested(REFUND_2, 1999), refundSucceeded(REFUND_2, 1999, PaymentStatus.REFUNDED));
        }

        @Test
        void aRefundTheProviderRejectsIsRecordedAsFailed() {
            provider.refundOutcome =
                    new RefundOutcome.Failed("charge_disputed", "The charge is disputed.", null, ProviderDetails.NONE);

            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, 500L, null, "requested_by_customer"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            refundRequested(REFUND_1, 500),
                            new RefundFailed(
                                    ID,
                                    REFUND_1,
                                    new Money(500, USD),
                                    "charge_disputed",
                                    "The charge is disputed.",
                                    null,
                                    ProviderDetails.NONE))
                    .expectState(payment -> assertThat(payment.state).isEqualTo(PaymentState.SUCCEEDED));
        }

        @Test
        void aRefundTheProviderSettlesLaterStaysPending() {
            provider.refundOutcome = new RefundOutcome.Pending("sim_pending");

            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, 500L, null, "requested_by_customer"))
                    .expectEvents(new RefundRequested(
                            ID, REFUND_1, new Money(500, USD), "requested_by_customer", "sim_pending"))
                    .expectState(payment -> assertThat(payment.state).isEqualTo(PaymentState.SUCCEEDED));
        }

        @Test
        void refundingBeforeThePaymentSucceededIsRejected() {
            given(created(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, null, null, "requested_by_customer"))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void refundingAProcessingPaymentIsRejected() {
            given(created(PROCESSING), processingStarted())
                    .when(new RefundPaymentCommand(ID, REFUND_1, 500L, null, "requested_by_customer"))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void refundingInAnotherCurrencyIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, 500L, EUR, "requested_by_customer"))
                    .expectException(CurrencyMismatch.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void refundingNothingIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(new RefundPaymentCommand(ID, REFUND_1, 0L, null, "requested_by_customer"))
                    .expectException(InvalidMoney.InvalidAmount.class)
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aRefundStoredWithoutTheStatusItLeftIsReadByTheRuleOfItsTime() {
            // Stored before refunds carried the status: paying back everything captured left the payment refunded.
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1999),
                            new RefundSucceeded(
                                    ID, REFUND_1, AMOUNT, "sim_" + REFUND_1.value(), ProviderDetails.NONE, null))
                    .when(new RefundPaymentCommand(ID, REFUND_2, null, null, "requested_by_customer"))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void aPartialRefundStoredWithoutTheStatusItLeftLeavesTheRestRefundable() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 500),
                            new RefundSucceeded(
                                    ID,
                                    REFUND_1,
                                    new Money(500, USD),
                                    "sim_" + REFUND_1.value(),
                                    ProviderDetails.NONE,
                                    null))
                    .when(new RefundPaymentCommand(ID, REFUND_2, null, null, "requested_by_customer"))
                    .expectEvents(
                            refundRequested(REFUND_2, 1499), refundSucceeded(REFUND_2, 1499, PaymentStatus.REFUNDED));
        }

        @Test
        void theSameRefundIdTwiceIsOneRefund() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1999),
                            refundSucceeded(REFUND_1, 1999, PaymentStatus.REFUNDED))
                    .when(new RefundPaymentCommand(ID, REFUND_1, null, null, "requested_by_customer"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(provider.calls).isEmpty();
        }
    }

    @Nested
    class RecordingWhatTheProviderReports {

        private final ProviderDetails charge = new ProviderDetails("ch_1", "txn_1", "2026-07-29.dahlia");

        @Test
        void successCarriesTheProvidersChargeAndBalanceTransaction() {
            given(created(PROCESSING), processingStarted())
                    .when(new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, charge))
                    .expectEvents(new PaymentSucceeded(ID, AMOUNT, PROVIDER_ID, PROCESSING, charge));
        }

        @Test
        void aPendingPaymentStartsProcessingWhenTheProviderSaysSo() {
            given(created(null))
                    .when(new RecordPaymentProcessingCommand(ID, PROCESSING))
                    .expectEvents(processingStarted());
        }

        @Test
        void processingReportedAfterSuccessIsANoOp() {
            given(created(PROCESSING), succeeded(PROCESSING))
                    .when(new RecordPaymentProcessingCommand(ID, PROCESSING))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void actionRequiredReportedForAPendingPaymentIsRecorded() {
            given(created(null))
                    .when(new RecordPaymentActionRequiredCommand(ID, AUTHENTICATION_REQUIRED, "use_stripe_sdk"))
                    .expectEvents(actionRequired());
        }

        @Test
        void actionRequiredReportedWhileTheOutcomeIsUnknownReplacesOurGuess() {
            given(created(AUTHENTICATION_REQUIRED), outcomeUnknown(AUTHENTICATION_REQUIRED))
                    .when(new RecordPaymentActionRequiredCommand(ID, AUTHENTICATION_REQUIRED, "use_stripe_sdk"))
                    .expectEvents(actionRequired());
        }

        @Test
        void actionRequiredReportedAfterTheProvidersOwnProcessingIsStaleNews() {
            // Stripe never moves processing -> requires_action: this report is older than the processing it follows.
            given(created(PROCESSING), processingStarted())
                    .when(new RecordPaymentActionRequiredCommand(ID, PROCESSING, "use_stripe_sdk"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theProvidersProcessingReplacesAnUnknownOutcome() {
            given(created(AUTHENTICATION_REQUIRED), outcomeUnknown(AUTHENTICATION_REQUIRED))
                    .when(new RecordPaymentProcessingCommand(ID, AUTHENTICATION_REQUIRED))
                    .expectEvents(new PaymentProcessingStarted(ID, PROVIDER_ID, AUTHENTICATION_REQUIRED));
        }

        @Test
        void aLateActionRequiredAfterTheProviderConfirmedOurGuessIsStale() {
            given(
                            created(AUTHENTICATION_REQUIRED),
                            outcomeUnknown(AUTHENTICATION_REQUIRED),
                            new PaymentProcessingStarted(ID, PROVIDER_ID, AUTHENTICATION_REQUIRED))
                    .when(new RecordPaymentActionRequiredCommand(ID, AUTHENTICATION_REQUIRED, "use_stripe_sdk"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theProvidersProcessingReportedAgainIsANoOp() {
            given(created(PROCESSING), processingStarted())
                    .when(new RecordPaymentProcessingCommand(ID, PROCESSING))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void actionRequiredReportedAfterSuccessIsANoOp() {
            given(created(AUTHENTICATION_REQUIRED), actionRequired(), succeeded(AUTHENTICATION_REQUIRED))
                    .when(new RecordPaymentActionRequiredCommand(ID, AUTHENTICATION_REQUIRED, "use_stripe_sdk"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aFailureReportedWhileProcessingIsRecordedWithTheDeclineCode() {
            given(created(PROCESSING), processingStarted())
                    .when(new RecordPaymentFailedCommand(
                            ID, "card_declined", "insufficient_funds", "Your card was declined.", null, charge))
                    .expectEvents(new PaymentFailed(
                            ID,
                            AMOUNT,
                            "card_declined",
                            "Your card was declined.",
                            PROVIDER_ID,
                            PROCESSING,
                            "insufficient_funds",
                            charge));
        }

        @Test
        void aFailureReportedAfterSuccessNeverUndoesIt() {
            given(created(VISA), succeeded(VISA))
                    .when(new RecordPaymentFailedCommand(ID, "card_declined", null, "declined", VISA, charge))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCancellationAtTheProviderIsRecordedWithoutCallingIt() {
            given(created(null))
                    .when(new RecordPaymentCanceledCommand(ID, "requested_by_customer"))
                    .expectEvents(canceled());

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void aCancellationReportedForACapturedPaymentIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(new RecordPaymentCanceledCommand(ID, "abandoned"))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void aPendingRefundSettlesWhenTheProviderSaysItSucceeded() {
            given(created(VISA), succeeded(VISA), refundRequested(REFUND_1, 500))
                    .when(new RecordRefundSucceededCommand(
                            ID, REFUND_1, new Money(500, USD), null, "sim_" + REFUND_1.value(), ProviderDetails.NONE))
                    .expectEvents(refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED));
        }

        @Test
        void aRefundMadeAtTheProviderDirectlyIsRecordedAsRequestedAndSucceeded() {
            given(created(VISA), succeeded(VISA))
                    .when(new RecordRefundSucceededCommand(
                            ID, REFUND_2, new Money(700, USD), "duplicate", "re_stripe", charge))
                    .expectEvents(
                            new RefundRequested(ID, REFUND_2, new Money(700, USD), "duplicate", "re_stripe"),
                            new RefundSucceeded(
                                    ID,
                                    REFUND_2,
                                    new Money(700, USD),
                                    "re_stripe",
                                    charge,
                                    PaymentStatus.PARTIALLY_REFUNDED));
        }

        @Test
        void aRefundReportedTwiceIsOneRefund() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 500),
                            refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new RecordRefundSucceededCommand(
                            ID, REFUND_1, new Money(500, USD), null, "sim_" + REFUND_1.value(), ProviderDetails.NONE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRefundMadeAtTheProviderBeyondWhatRemainsIsRejected() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1500),
                            refundSucceeded(REFUND_1, 1500, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new RecordRefundSucceededCommand(ID, REFUND_2, new Money(500, USD), null, "re_x", charge))
                    .expectException(RefundExceedsAvailableAmount.class)
                    .expectNoEvents();
        }

        @Test
        void aRefundReportedForARefundedPaymentIsAnIllegalMoveFromAFinalState() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 1999),
                            refundSucceeded(REFUND_1, 1999, PaymentStatus.REFUNDED))
                    .when(new RecordRefundSucceededCommand(ID, REFUND_2, new Money(500, USD), null, "re_x", charge))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void aRefundReportedBeforeThePaymentSucceededIsRejected() {
            given(created(PROCESSING), processingStarted())
                    .when(new RecordRefundSucceededCommand(ID, REFUND_2, new Money(500, USD), null, "re_x", charge))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void aPendingRefundFailsWhenTheProviderSaysSoAndItsAmountIsAvailableAgain() {
            given(created(VISA), succeeded(VISA), refundRequested(REFUND_1, 1999))
                    .when(new RecordRefundFailedCommand(
                            ID,
                            REFUND_1,
                            new Money(1999, USD),
                            "re_stripe",
                            "expired_or_canceled_card",
                            "The card expired.",
                            charge))
                    .expectEvents(new RefundFailed(
                            ID,
                            REFUND_1,
                            new Money(1999, USD),
                            "expired_or_canceled_card",
                            "The card expired.",
                            "re_stripe",
                            charge))
                    .expectState(payment -> assertThat(payment.state).isEqualTo(PaymentState.SUCCEEDED));
        }

        @Test
        void aFailureReportedForASucceededRefundIsANoOp() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 500),
                            refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new RecordRefundFailedCommand(
                            ID, REFUND_1, new Money(500, USD), "re_stripe", "failed", "failed", charge))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingSuccess {

        @Test
        void aProcessingPaymentSucceedsWhenTheProviderSaysSo() {
            given(created(PROCESSING), processingStarted())
                    .when(new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, ProviderDetails.NONE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(succeeded(PROCESSING));
        }

        @Test
        void theCompletionOfTheAttemptUnderWayCapturesAProcessingPayment() {
            given(created(PROCESSING), processingStarted())
                    .when(new RecordProcessingSucceededCommand(ID, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PaymentSucceeded(ID, AMOUNT, PROVIDER_ID, PROCESSING, ProviderDetails.NONE));
        }

        @Test
        void aCompletionOfAnAttemptThatFailedMeanwhileIsANoOp() {
            given(created(PROCESSING), processingStarted(), processingFailed())
                    .when(new RecordProcessingSucceededCommand(ID, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCompletionOfAnEarlierAttemptLeavesTheAttemptUnderWayProcessing() {
            given(created(PROCESSING), processingStarted(), processingFailed(), processingStarted())
                    .when(new RecordProcessingSucceededCommand(ID, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCompletionDeliveredTwiceIsRecordedOnce() {
            given(created(PROCESSING), processingStarted(), succeeded(PROCESSING))
                    .when(new RecordProcessingSucceededCommand(ID, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCompletionOfACanceledPaymentIsANoOp() {
            given(created(PROCESSING), processingStarted(), processingFailed(), canceled())
                    .when(new RecordProcessingSucceededCommand(ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCompletionStoredWithoutItsAttemptCompletesTheAttemptUnderWay() {
            given(created(PROCESSING), processingStarted(), processingFailed(), processingStarted())
                    .when(new RecordProcessingSucceededCommand(ID, null))
                    .expectEvents(new PaymentSucceeded(ID, AMOUNT, PROVIDER_ID, PROCESSING, ProviderDetails.NONE));
        }

        @Test
        void aPaymentThatRequiredActionSucceedsWhenTheProviderSaysSo() {
            given(created(AUTHENTICATION_REQUIRED), actionRequired())
                    .when(new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, ProviderDetails.NONE))
                    .expectEvents(succeeded(AUTHENTICATION_REQUIRED));
        }

        @Test
        void recordingSuccessOfACapturedPaymentIsANoOp() {
            given(created(VISA), succeeded(VISA))
                    .when(new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, ProviderDetails.NONE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordingSuccessOfAPartiallyRefundedPaymentIsANoOp() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            refundRequested(REFUND_1, 500),
                            refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED))
                    .when(new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, ProviderDetails.NONE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordingSuccessOfACanceledPaymentIsRejected() {
            given(created(PROCESSING), canceled())
                    .when(new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, ProviderDetails.NONE))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void recordingSuccessNeverCallsTheProvider() {
            given(created(PROCESSING), processingStarted())
                    .when(new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, ProviderDetails.NONE))
                    .expectEvents(succeeded(PROCESSING));

            assertThat(provider.calls).isEmpty();
        }
    }

    @Nested
    class Reconciling {

        @Test
        void aSettlementOfTheCapturedAmountMatches() {
            given(created(VISA), succeeded(VISA))
                    .when(reconcile("st_1", 1999, 88, 1911))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reconciled("st_1", 1999, 88, 1911));
        }

        @Test
        void aSettlementOfAnotherAmountIsRecordedAsMismatched() {
            given(created(VISA), succeeded(VISA))
                    .when(reconcile("st_1", 1899, 88, 1811))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(mismatched("st_1", 1899, 88, 1811));
        }

        @Test
        void aSettlementInThePaymentsOwnCurrencyIsAccepted() {
            given(created(VISA), succeeded(VISA))
                    .when(new ReconcilePaymentCommand(ID, "st_1", 1999, 88, 1911, USD, SETTLED_AT))
                    .expectEvents(reconciled("st_1", 1999, 88, 1911));
        }

        @Test
        void aSettlementWithoutFeeMatches() {
            given(created(VISA), succeeded(VISA))
                    .when(reconcile("st_1", 1999, 0, 1999))
                    .expectEvents(reconciled("st_1", 1999, 0, 1999));
        }

        @Test
        void theSameMatchedSettlementAgainIsANoOp() {
            given(created(VISA), succeeded(VISA), reconciled("st_1", 1999, 88, 1911))
                    .when(reconcile("st_1", 1999, 88, 1911))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theSameMismatchedSettlementAgainIsANoOp() {
            given(created(VISA), succeeded(VISA), mismatched("st_1", 1899, 88, 1811))
                    .when(reconcile("st_1", 1899, 88, 1811))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anEarlierSettlementDeliveredAgainAfterALaterMatchIsANoOp() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            mismatched("st_1", 1899, 88, 1811),
                            reconciled("st_2", 1999, 88, 1911))
                    .when(reconcile("st_1", 1899, 88, 1811))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anEarlierMismatchDeliveredAgainAfterALaterMismatchIsANoOp() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            mismatched("st_1", 1899, 88, 1811),
                            mismatched("st_2", 1800, 80, 1720))
                    .when(reconcile("st_1", 1899, 88, 1811))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSecondSettlementAfterAMatchIsRejected() {
            given(created(VISA), succeeded(VISA), reconciled("st_1", 1999, 88, 1911))
                    .when(reconcile("st_2", 1999, 88, 1911))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void aMatchingSettlementAfterAMismatchMatches() {
            given(created(VISA), succeeded(VISA), mismatched("st_1", 1899, 88, 1811))
                    .when(reconcile("st_2", 1999, 88, 1911))
                    .expectEvents(reconciled("st_2", 1999, 88, 1911));
        }

        @Test
        void reconcilingBeforeCaptureIsRejected() {
            given(created(PROCESSING), processingStarted())
                    .when(reconcile("st_1", 1999, 88, 1911))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void reconcilingACanceledPaymentIsRejected() {
            given(created(VISA), canceled())
                    .when(reconcile("st_1", 1999, 88, 1911))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void aSettlementInAnotherCurrencyIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(new ReconcilePaymentCommand(ID, "st_1", 1999, 88, 1911, EUR, SETTLED_AT))
                    .expectException(CurrencyMismatch.class)
                    .expectNoEvents();
        }

        @Test
        void aSettlementWhoseGrossIsNotFeePlusNetIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(reconcile("st_1", 1999, 88, 1900))
                    .expectException(SettlementDoesNotAddUp.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Importing {

        private final ImportPaymentCommand importCommand = new ImportPaymentCommand(
                ID, AMOUNT, "cus_1", null, "Made in the dashboard", Map.of(), Provider.STRIPE, "pi_1", null);

        @Test
        void aPaymentUnknownToTheLedgerIsCreatedAsItStandsAtTheProvider() {
            fixture.givenNoPriorActivity()
                    .when(importCommand)
                    .expectEvents(new PaymentCreated(
                            ID,
                            AMOUNT,
                            "cus_1",
                            null,
                            "Made in the dashboard",
                            Map.of(),
                            Provider.STRIPE,
                            "pi_1",
                            null));

            assertThat(provider.calls).isEmpty();
        }

        @Test
        void importingAPaymentThatExistsChangesNothing() {
            given(created(VISA), succeeded(VISA))
                    .when(importCommand)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Disputes {

        private final Money fee = new Money(1500, USD);

        @Test
        void aDisputeOfACapturedPaymentIsRecordedWithoutChangingItsStatus() {
            given(created(VISA), succeeded(VISA))
                    .when(new RecordDisputeOpenedCommand(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .expectEvents(new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"));
        }

        @Test
        void aDisputeReportedTwiceIsOneDispute() {
            given(created(VISA), succeeded(VISA), new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .when(new RecordDisputeOpenedCommand(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDisputeOfAPaymentNotYetCapturedIsRejected() {
            given(created(VISA))
                    .when(new RecordDisputeOpenedCommand(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .expectException(IllegalPaymentTransition.class)
                    .expectNoEvents();
        }

        @Test
        void aDisputeInAnotherCurrencyIsRejected() {
            given(created(VISA), succeeded(VISA))
                    .when(new RecordDisputeOpenedCommand(ID, "dp_1", new Money(1999, EUR), fee, "fraudulent"))
                    .expectException(CurrencyMismatch.class)
                    .expectNoEvents();
        }

        @Test
        void aLostDisputeKeepsWhatWasWithdrawn() {
            given(created(VISA), succeeded(VISA), new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .when(closed(false, Money.zero(USD)))
                    .expectEvents(new DisputeLost(ID, "dp_1", AMOUNT, fee));
        }

        @Test
        void aWonDisputeReturnsTheAmountAndTheFeeReturned() {
            given(created(VISA), succeeded(VISA), new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .when(closed(true, fee))
                    .expectEvents(new DisputeWon(ID, "dp_1", AMOUNT, fee, fee));
        }

        @Test
        void aWonDisputeNeverReturnsMoreFeeThanWasWithdrawn() {
            given(created(VISA), succeeded(VISA), new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .when(closed(true, new Money(9999, USD)))
                    .expectEvents(new DisputeWon(ID, "dp_1", AMOUNT, fee, fee));
        }

        @Test
        void aClosingReportedBeforeTheOpeningRecordsBoth() {
            given(created(VISA), succeeded(VISA))
                    .when(closed(false, Money.zero(USD)))
                    .expectEvents(
                            new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"),
                            new DisputeLost(ID, "dp_1", AMOUNT, fee));
        }

        @Test
        void aClosingReportedTwiceIsANoOp() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"),
                            new DisputeLost(ID, "dp_1", AMOUNT, fee))
                    .when(closed(true, fee))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anOpeningReportedAfterTheClosingIsANoOp() {
            given(
                            created(VISA),
                            succeeded(VISA),
                            new DisputeOpened(ID, "dp_1", AMOUNT, fee, "fraudulent"),
                            new DisputeWon(ID, "dp_1", AMOUNT, fee, fee))
                    .when(new RecordDisputeOpenedCommand(ID, "dp_1", AMOUNT, fee, "fraudulent"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        private RecordDisputeClosedCommand closed(boolean won, Money feeReturned) {
            return new RecordDisputeClosedCommand(ID, "dp_1", won, AMOUNT, fee, feeReturned, "fraudulent");
        }
    }

    /**
     * Every cell of {@link PaymentMove}'s table: from each state, each move is recorded, a no-op, or refused, as the
     * table says (the docs show the same table, see {@code PaymentMovesDocumentedTest}).
     */
    @Nested
    class EveryMoveFromEveryState {

        static Stream<Arguments> cells() {
            return Arrays.stream(PaymentState.values())
                    .flatMap(state -> Arrays.stream(PaymentMove.values()).map(move -> Arguments.of(state, move)));
        }

        @ParameterizedTest(name = "{1} from {0}")
        @MethodSource("cells")
        void theMoveDoesWhatTheTableSays(PaymentState state, PaymentMove move) {
            ResultValidator<Payment> result = given(historyOf(state)).when(commandFor(move));

            switch (move.from(state)) {
                case ALLOWED ->
                    result.expectSuccessfulHandlerExecution().expectEventsMatching(eventsOfTypes(factsOf(move, state)));
                case NO_OP -> {
                    result.expectSuccessfulHandlerExecution().expectNoEvents();
                    assertThat(provider.calls).isEmpty();
                }
                case ILLEGAL -> {
                    result.expectException(IllegalPaymentTransition.class).expectNoEvents();
                    assertThat(provider.calls).isEmpty();
                }
            }
        }

        /** The histories the cells start from are the states they stand for; importing the payment changes nothing. */
        @ParameterizedTest
        @EnumSource(PaymentState.class)
        void eachHistoryLeavesThePaymentInItsState(PaymentState state) {
            given(historyOf(state))
                    .when(new ImportPaymentCommand(
                            ID, AMOUNT, "cus_1", null, null, Map.of(), Provider.STRIPE, "pi_1", null))
                    .expectNoEvents()
                    .expectState(payment -> assertThat(payment.state).isEqualTo(state));
        }

        private Object[] historyOf(PaymentState state) {
            return switch (state) {
                case PENDING -> new Object[] {created(VISA)};
                case PROCESSING -> new Object[] {created(PROCESSING), processingStarted()};
                case OUTCOME_UNKNOWN -> new Object[] {created(UNREACHABLE), outcomeUnknown(UNREACHABLE)};
                case REQUIRES_ACTION -> new Object[] {created(AUTHENTICATION_REQUIRED), actionRequired()};
                case SUCCEEDED -> new Object[] {created(VISA), succeeded(VISA)};
                case FAILED -> new Object[] {created(DECLINED), declined()};
                case CANCELED -> new Object[] {created(VISA), canceled()};
                case PARTIALLY_REFUNDED ->
                    new Object[] {
                        created(VISA),
                        succeeded(VISA),
                        refundRequested(REFUND_1, 500),
                        refundSucceeded(REFUND_1, 500, PaymentStatus.PARTIALLY_REFUNDED)
                    };
                case REFUNDED ->
                    new Object[] {
                        created(VISA),
                        succeeded(VISA),
                        refundRequested(REFUND_1, 1999),
                        refundSucceeded(REFUND_1, 1999, PaymentStatus.REFUNDED)
                    };
            };
        }

        private Object commandFor(PaymentMove move) {
            return switch (move) {
                case CONFIRM -> new ConfirmPaymentCommand(ID, VISA, null);
                case FAIL -> new FailPaymentCommand(ID, "expired", "The payment expired.");
                case CANCEL -> new CancelPaymentCommand(ID, "abandoned", null);
                case REFUND -> new RefundPaymentCommand(ID, REFUND_2, 100L, null, "duplicate");
                case RECONCILE -> reconcile("st_1", 1999, 88, 1911);
                case UPDATE -> new UpdatePaymentCommand(ID, null, "Three books", null, Map.of("gift", "yes"));
                case UPDATE_AMOUNT -> new UpdatePaymentCommand(ID, 2500L, null, null, null);
                case ARCHIVE -> new ArchivePaymentCommand(ID);
                case RECORD_SUCCESS -> new RecordPaymentSucceededCommand(ID, PROVIDER_ID, null, ProviderDetails.NONE);
                case RECORD_PROCESSING -> new RecordPaymentProcessingCommand(ID, PROCESSING);
                case RECORD_ACTION_REQUIRED ->
                    new RecordPaymentActionRequiredCommand(ID, AUTHENTICATION_REQUIRED, "use_stripe_sdk");
                case RECORD_FAILURE ->
                    new RecordPaymentFailedCommand(ID, "card_declined", null, "declined", null, ProviderDetails.NONE);
                case RECORD_CANCELLATION -> new RecordPaymentCanceledCommand(ID, "abandoned");
                case RECORD_REFUND ->
                    new RecordRefundSucceededCommand(
                            ID, REFUND_3, new Money(100, USD), null, "re_dashboard", ProviderDetails.NONE);
                case RECORD_DISPUTE ->
                    new RecordDisputeOpenedCommand(ID, "dp_1", new Money(100, USD), new Money(1500, USD), "fraudulent");
            };
        }

        /** What an allowed move records. */
        private List<Class<?>> factsOf(PaymentMove move, PaymentState state) {
            return switch (move) {
                case UPDATE, UPDATE_AMOUNT -> List.of(PaymentUpdated.class);
                case ARCHIVE ->
                    state == PaymentState.CANCELED
                            ? List.of(PaymentArchived.class)
                            : List.of(PaymentCanceled.class, PaymentArchived.class);
                case CONFIRM, RECORD_SUCCESS -> List.of(PaymentSucceeded.class);
                case FAIL, RECORD_FAILURE -> List.of(PaymentFailed.class);
                case CANCEL, RECORD_CANCELLATION -> List.of(PaymentCanceled.class);
                case REFUND, RECORD_REFUND -> List.of(RefundRequested.class, RefundSucceeded.class);
                case RECONCILE -> List.of(PaymentReconciled.class);
                case RECORD_PROCESSING -> List.of(PaymentProcessingStarted.class);
                case RECORD_ACTION_REQUIRED -> List.of(PaymentActionRequired.class);
                case RECORD_DISPUTE -> List.of(DisputeOpened.class);
            };
        }
    }

    // --- given, commands and events -----------------------------------------------------------------------------

    private TestExecutor<Payment> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static CreatePaymentCommand create(String paymentMethod, boolean confirm) {
        return new CreatePaymentCommand(
                ID, AMOUNT, "cus_1", "order_1", "Two books", METADATA, paymentMethod, confirm, null);
    }

    private static ReconcilePaymentCommand reconcile(String settlementId, long gross, long fee, long net) {
        return new ReconcilePaymentCommand(ID, settlementId, gross, fee, net, null, SETTLED_AT);
    }

    private static PaymentCreated created(String paymentMethod) {
        return new PaymentCreated(
                ID, AMOUNT, "cus_1", "order_1", "Two books", METADATA, Provider.SIMULATED, PROVIDER_ID, paymentMethod);
    }

    private static PaymentSucceeded succeeded(String paymentMethod) {
        return new PaymentSucceeded(ID, AMOUNT, PROVIDER_ID, paymentMethod, ProviderDetails.NONE);
    }

    private static PaymentFailed declined() {
        return new PaymentFailed(
                ID,
                AMOUNT,
                "card_declined",
                "Your card was declined.",
                PROVIDER_ID,
                DECLINED,
                null,
                ProviderDetails.NONE);
    }

    private static PaymentFailed processingFailed() {
        return new PaymentFailed(
                ID, AMOUNT, "payment_failed", "The bank rejected the debit.", PROVIDER_ID, PROCESSING, null, null);
    }

    private static PaymentActionRequired actionRequired() {
        return new PaymentActionRequired(ID, PROVIDER_ID, AUTHENTICATION_REQUIRED, "use_stripe_sdk");
    }

    private static PaymentProcessingStarted processingStarted() {
        return new PaymentProcessingStarted(ID, PROVIDER_ID, PROCESSING);
    }

    /** Our confirmation's answer never came: the provider could not be reached. */
    private static PaymentOutcomeUnknown outcomeUnknown(String method) {
        return new PaymentOutcomeUnknown(ID, PROVIDER_ID, method);
    }

    private static PaymentCanceled canceled() {
        return new PaymentCanceled(ID, "requested_by_customer");
    }

    private static RefundRequested refundRequested(RefundId refundId, long minor) {
        return new RefundRequested(ID, refundId, new Money(minor, USD), "requested_by_customer", null);
    }

    /** Refund {@code refundId} paid, leaving the payment {@code leaves}. */
    private static RefundSucceeded refundSucceeded(RefundId refundId, long minor, PaymentStatus leaves) {
        return new RefundSucceeded(
                ID, refundId, new Money(minor, USD), "sim_" + refundId.value(), ProviderDetails.NONE, leaves);
    }

    private static PaymentReconciled reconciled(String settlementId, long gross, long fee, long net) {
        return new PaymentReconciled(
                ID, settlementId, new Money(gross, USD), new Money(fee, USD), new Money(net, USD), SETTLED_AT);
    }

    private static PaymentReconciliationMismatched mismatched(String settlementId, long gross, long fee, long net) {
        return new PaymentReconciliationMismatched(
                ID, settlementId, AMOUNT, new Money(gross, USD), new Money(fee, USD), new Money(net, USD), SETTLED_AT);
    }

    /** Events whose payloads are of these types, in this order. */
    private static Matcher<List<EventMessage<?>>> eventsOfTypes(List<Class<?>> types) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream()
                        .map(EventMessage::getPayloadType)
                        .toList()
                        .equals(types);
            }

            @Override
            public void describeTo(Description out) {
                out.appendText("events of types " + types);
            }
        };
    }

    /** Behaves like the simulated provider's test payment methods and remembers every call it received. */
    static final class FakeProvider implements PaymentProvider {

        final List<Object> calls = new ArrayList<>();
        RefundOutcome refundOutcome;
        ChargeOutcome chargeOutcome;

        @Override
        public Provider kind() {
            return Provider.SIMULATED;
        }

        @Override
        public ProviderPayment createPayment(PaymentRequest request) {
            calls.add(request);
            String providerPaymentId = "sim_" + request.paymentId().value();
            return new ProviderPayment(providerPaymentId, providerPaymentId + "_secret_test");
        }

        @Override
        public ChargeOutcome confirm(ChargeRequest request) {
            calls.add(request);
            if (chargeOutcome != null) {
                return chargeOutcome;
            }
            if (request.customerActionCompleted()) {
                return new ChargeOutcome.Succeeded(ProviderDetails.NONE);
            }
            return switch (request.paymentMethod()) {
                case VISA -> new ChargeOutcome.Succeeded(ProviderDetails.NONE);
                case DECLINED ->
                    new ChargeOutcome.Failed("card_declined", null, "Your card was declined.", ProviderDetails.NONE);
                case INSUFFICIENT_FUNDS ->
                    new ChargeOutcome.Failed(
                            "insufficient_funds", null, "Your card has insufficient funds.", ProviderDetails.NONE);
                case AUTHENTICATION_REQUIRED -> new ChargeOutcome.ActionRequired("use_stripe_sdk");
                case PROCESSING -> new ChargeOutcome.Processing();
                case UNREACHABLE -> new ChargeOutcome.Unknown();
                default -> throw new UnknownPaymentMethod(request.paymentMethod());
            };
        }

        @Override
        public void changeAmount(AmountChangeRequest request) {
            calls.add(request);
        }

        @Override
        public void cancel(CancelRequest request) {
            calls.add(request);
        }

        @Override
        public RefundOutcome refund(RefundRequest request) {
            calls.add(request);
            return refundOutcome != null
                    ? refundOutcome
                    : new RefundOutcome.Succeeded("sim_" + request.refundId().value(), ProviderDetails.NONE);
        }
    }
}
