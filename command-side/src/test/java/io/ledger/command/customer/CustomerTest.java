package io.ledger.command.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.customer.AttachPaymentMethodCommand;
import io.ledger.api.customer.Card;
import io.ledger.api.customer.CustomerKey;
import io.ledger.api.customer.CustomerRegistered;
import io.ledger.api.customer.CustomerUpdated;
import io.ledger.api.customer.DefaultPaymentMethodSet;
import io.ledger.api.customer.DetachPaymentMethodCommand;
import io.ledger.api.customer.PaymentMethodAttached;
import io.ledger.api.customer.PaymentMethodDetached;
import io.ledger.api.customer.SaveCustomerCommand;
import io.ledger.api.payment.Provider;
import io.ledger.command.provider.CustomerProvider;
import io.ledger.command.provider.SavedPaymentMethod;
import io.ledger.command.provider.UnknownPaymentMethod;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final String ID = "customer-42";
    private static final CustomerKey KEY = CustomerKey.of(ID);
    private static final String PROVIDER_ID = "prov_" + KEY.value();
    private static final Card VISA = new Card("visa", "4242", 12, 2034);
    private static final Card MASTERCARD = new Card("mastercard", "4444", 12, 2034);
    private static final CustomerRegistered REGISTERED =
            new CustomerRegistered(ID, "jenny@example.com", "Jenny Rosen", Provider.SIMULATED, PROVIDER_ID);
    private static final PaymentMethodAttached VISA_SAVED =
            new PaymentMethodAttached(ID, "pm_card_visa", "pm_card_visa", "card", VISA);
    private static final DefaultPaymentMethodSet VISA_DEFAULT = new DefaultPaymentMethodSet(ID, "pm_card_visa");

    private AggregateTestFixture<Customer> fixture;
    private FakeProvider provider;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        provider = new FakeProvider();
        // As CommandSideConfiguration does: shared-api's commands carry no Axon annotations.
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                ((io.ledger.api.customer.CustomerCommand) command.getPayload())
                        .key()
                        .value(),
                null));
        fixture.registerAnnotatedCommandHandler(
                new CustomerCommandHandler(fixture.getRepository(), fixture.getEventStore(), provider));
    }

    @Test
    void theFirstSaveRegistersTheCustomerWithACustomerOfTheProvider() {
        fixture.givenNoPriorActivity()
                .when(new SaveCustomerCommand(ID, "jenny@example.com", "Jenny Rosen"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
        assertThat(provider.calls).containsExactly("create " + KEY.value() + " jenny@example.com Jenny Rosen");
    }

    @Test
    void aSaveWithTheSameDetailsRecordsNothingAndCallsNoOne() {
        fixture.given(REGISTERED)
                .when(new SaveCustomerCommand(ID, "jenny@example.com", "Jenny Rosen"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(provider.calls).isEmpty();
    }

    @Test
    void aSaveWithOtherDetailsRecordsThemAllAndTellsTheProviderWithTheStreamsVersion() {
        fixture.given(REGISTERED, VISA_SAVED, VISA_DEFAULT)
                .when(new SaveCustomerCommand(ID, "jenny@example.org", null))
                .expectEvents(new CustomerUpdated(ID, "jenny@example.org", null));
        assertThat(provider.calls).containsExactly("update " + PROVIDER_ID + " jenny@example.org null v3");
    }

    @Test
    void theFirstSavedMethodBecomesTheDefaultWhenNotToldOtherwise() {
        fixture.given(REGISTERED)
                .when(new AttachPaymentMethodCommand(ID, "pm_card_visa", null))
                .expectResultMessagePayload("pm_card_visa")
                .expectEvents(VISA_SAVED, VISA_DEFAULT);
        assertThat(provider.calls)
                .containsExactly(
                        "attach " + PROVIDER_ID + " pm_card_visa v1", "default " + PROVIDER_ID + " pm_card_visa v2");
    }

    @Test
    void aMethodSavedWithDefaultFalseIsNotTheDefaultEvenAsTheFirst() {
        fixture.given(REGISTERED)
                .when(new AttachPaymentMethodCommand(ID, "pm_card_visa", false))
                .expectEvents(VISA_SAVED);
    }

    @Test
    void aLaterMethodLeavesTheDefaultAsItIsUnlessAskedToBeIt() {
        PaymentMethodAttached mastercard =
                new PaymentMethodAttached(ID, "pm_card_mastercard", "pm_card_mastercard", "card", MASTERCARD);
        fixture.given(REGISTERED, VISA_SAVED, VISA_DEFAULT)
                .when(new AttachPaymentMethodCommand(ID, "pm_card_mastercard", null))
                .expectEvents(mastercard);

        setUp();
        fixture.given(REGISTERED, VISA_SAVED, VISA_DEFAULT)
                .when(new AttachPaymentMethodCommand(ID, "pm_card_mastercard", true))
                .expectEvents(mastercard, new DefaultPaymentMethodSet(ID, "pm_card_mastercard"));
    }

    @Test
    void aMethodSavedAlreadyRecordsNothingNew() {
        fixture.given(REGISTERED, VISA_SAVED, VISA_DEFAULT)
                .when(new AttachPaymentMethodCommand(ID, "pm_card_visa", true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMethodTheProviderDoesNotKnowIsRefusedAndNothingIsRecorded() {
        fixture.given(REGISTERED)
                .when(new AttachPaymentMethodCommand(ID, "pm_card_nonsense", null))
                .expectException(UnknownPaymentMethod.class)
                .expectNoEvents();
    }

    @Test
    void savingAMethodForACustomerNeverSavedIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AttachPaymentMethodCommand(ID, "pm_card_visa", null))
                .expectException(CustomerNotFound.class)
                .expectNoEvents();
        assertThat(provider.calls).isEmpty();
    }

    @Test
    void detachingTheDefaultDetachesItAtTheProvider() {
        fixture.given(REGISTERED, VISA_SAVED, VISA_DEFAULT)
                .when(new DetachPaymentMethodCommand(ID, "pm_card_visa"))
                .expectEvents(new PaymentMethodDetached(ID, "pm_card_visa"));
        assertThat(provider.calls).containsExactly("detach " + PROVIDER_ID + " pm_card_visa v3");
    }

    @Test
    void detachingTwiceChangesNothing() {
        fixture.given(REGISTERED, VISA_SAVED, VISA_DEFAULT, new PaymentMethodDetached(ID, "pm_card_visa"))
                .when(new DetachPaymentMethodCommand(ID, "pm_card_visa"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(provider.calls).isEmpty();
    }

    @Test
    void detachingAMethodNeverSavedIsNotFound() {
        fixture.given(REGISTERED, VISA_SAVED)
                .when(new DetachPaymentMethodCommand(ID, "pm_card_mastercard"))
                .expectException(PaymentMethodNotFound.class)
                .expectNoEvents();
    }

    @Test
    void aDetachedMethodCanBeSavedAgain() {
        fixture.given(REGISTERED, VISA_SAVED, new PaymentMethodDetached(ID, "pm_card_visa"))
                .when(new AttachPaymentMethodCommand(ID, "pm_card_visa", false))
                .expectEvents(VISA_SAVED);
    }

    /** Saves the simulated provider's cards under their own names, and records every call. */
    static final class FakeProvider implements CustomerProvider {

        final List<String> calls = new ArrayList<>();

        @Override
        public Provider kind() {
            return Provider.SIMULATED;
        }

        @Override
        public String createCustomer(CustomerDetails details) {
            calls.add("create " + details.key().value() + " " + details.email() + " " + details.name());
            return "prov_" + details.key().value();
        }

        @Override
        public void updateCustomer(CustomerDetails details, String providerCustomerId, long version) {
            calls.add("update " + providerCustomerId + " " + details.email() + " " + details.name() + " v" + version);
        }

        @Override
        public SavedPaymentMethod attach(MethodCall call) {
            Card card = switch (call.paymentMethod()) {
                case "pm_card_visa" -> VISA;
                case "pm_card_mastercard" -> MASTERCARD;
                default -> throw new UnknownPaymentMethod(call.paymentMethod());
            };
            calls.add("attach " + call.providerCustomerId() + " " + call.paymentMethod() + " v" + call.version());
            return new SavedPaymentMethod(call.paymentMethod(), "card", card);
        }

        @Override
        public void detach(MethodCall call) {
            calls.add("detach " + call.providerCustomerId() + " " + call.paymentMethod() + " v" + call.version());
        }

        @Override
        public void setDefault(MethodCall call) {
            calls.add("default " + call.providerCustomerId() + " " + call.paymentMethod() + " v" + call.version());
        }
    }
}
