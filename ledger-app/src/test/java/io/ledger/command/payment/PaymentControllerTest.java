package io.ledger.command.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.ledger.api.caller.Caller;
import io.ledger.api.caller.Scope;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ArchivePaymentCommand;
import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.api.payment.ConfirmPaymentCommand;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.CreatedPaymentView;
import io.ledger.api.payment.FailPaymentCommand;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundView;
import io.ledger.api.payment.UpdatePaymentCommand;
import io.ledger.app.web.ProblemAdvice;
import io.ledger.command.provider.ProviderUnavailable;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The command API's HTTP mapping and its RFC 9457 problems, with the command gateway mocked. It lives with the
 * application because the problems are the application's one advice; the security filters are left out (they have
 * tests of their own).
 */
@WebMvcTest(PaymentController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(PaymentControllerTest.CallerFromRequest.class)
class PaymentControllerTest {

    /** command-side has no application class of its own: the slice gets the controller and the problem advice. */
    @SpringBootConfiguration
    @Import({PaymentController.class, CommandEvents.class, ProblemAdvice.class})
    static class Slice {}

    /**
     * In place of the security's, a caller taken from the request attribute {@link #CALLER}: the shop's backend, with
     * every scope, unless a test says otherwise. Imported by this test only and no configuration class itself: the
     * command side's component scan, which finds the slice above in every application test, must not find it.
     */
    static class CallerFromRequest implements WebMvcConfigurer {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new HandlerMethodArgumentResolver() {
                @Override
                public boolean supportsParameter(MethodParameter parameter) {
                    return Caller.class.equals(parameter.getParameterType());
                }

                @Override
                public Object resolveArgument(
                        MethodParameter parameter,
                        ModelAndViewContainer container,
                        NativeWebRequest request,
                        WebDataBinderFactory binders) {
                    Object caller = request.getAttribute(CALLER, RequestAttributes.SCOPE_REQUEST);
                    return caller == null ? Caller.UNAUTHENTICATED : caller;
                }
            });
        }
    }

    private static final String CALLER = PaymentControllerTest.class.getName() + ".caller";
    /** A customer at checkout: its own payments only. */
    private static final Caller CUSTOMER = new Caller("cus_own", Set.of(Scope.PAYMENTS_WRITE_OWN));

    private static final String ID = "pay_Test0000000000000000001";
    private static final Instant NOW = Instant.parse("2026-11-22T09:12:24.123Z");
    private static final Currency USD = Currency.getInstance("USD");

    private static final String VALID_CREATE = """
            {"amount": 1999, "currency": "usd", "customerId": "cus_1", "orderId": "order_1",
             "description": "Two books", "metadata": {"channel": "web"},
             "paymentMethod": "pm_card_visa", "confirm": true}
            """;

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private PaymentResources resources;

    /** The command events recorder's bus: no command runs here, so it records none. */
    @MockitoBean
    private EventBus eventBus;

    // --- mapping ------------------------------------------------------------------------------------------------

    @Test
    void creatingAnswers201WithLocationThePaymentAndItsClientSecret() throws Exception {
        created(PaymentStatus.SUCCEEDED);

        String location = post("/api/payments", VALID_CREATE)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/payments/pay_[0-9A-Za-z]{24}")))
                .andExpect(jsonPath("$.status").value("succeeded"))
                .andExpect(jsonPath("$.amount").value(1999))
                .andExpect(jsonPath("$.currency").value("usd"))
                .andExpect(jsonPath("$.customerId").value("cus_1"))
                .andExpect(jsonPath("$.metadata.channel").value("web"))
                .andExpect(jsonPath("$.provider").value("simulated"))
                .andExpect(jsonPath("$.reconciliation.status").value("unreconciled"))
                .andExpect(jsonPath("$.createdAt").value("2026-11-22T09:12:24.123Z"))
                .andExpect(jsonPath("$.clientSecret").value("secret_1"))
                .andExpect(jsonPath("$.payment").doesNotExist())
                .andReturn()
                .getResponse()
                .getHeader("Location");

        CreatePaymentCommand sent = sent(CreatePaymentCommand.class);
        assertThat(location).isEqualTo("/api/payments/" + sent.paymentId().value());
        assertThat(sent)
                .isEqualTo(new CreatePaymentCommand(
                        sent.paymentId(),
                        new Money(1999, USD),
                        "cus_1",
                        "order_1",
                        "Two books",
                        Map.of("channel", "web"),
                        "pm_card_visa",
                        true,
                        null));
    }

    @Test
    void creatingWithoutConfirmDoesNotAskForIt() throws Exception {
        created(PaymentStatus.PENDING);

        post("/api/payments", "{\"amount\": 500, \"currency\": \"JPY\", \"customerId\": \"cus_1\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("pending"));

        CreatePaymentCommand sent = sent(CreatePaymentCommand.class);
        assertThat(sent.amount()).isEqualTo(Money.of(500, "jpy"));
        assertThat(sent.confirm()).isFalse();
        assertThat(sent.metadata()).isEmpty();
    }

    @Test
    void confirmingSendsTheMethodAndAnswersThePayment() throws Exception {
        answers(PaymentStatus.SUCCEEDED);

        post("/api/payments/" + ID + "/confirm", "{\"paymentMethod\": \"pm_card_visa\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.status").value("succeeded"));

        assertThat(sent(ConfirmPaymentCommand.class))
                .isEqualTo(new ConfirmPaymentCommand(PaymentId.of(ID), "pm_card_visa", null));
    }

    @Test
    void confirmingWithoutABodyUsesTheMethodGivenAtCreation() throws Exception {
        answers(PaymentStatus.SUCCEEDED);

        mvc.perform(MockMvcRequestBuilders.post("/api/payments/" + ID + "/confirm"))
                .andExpect(status().isOk());

        assertThat(sent(ConfirmPaymentCommand.class))
                .isEqualTo(new ConfirmPaymentCommand(PaymentId.of(ID), null, null));
    }

    @Test
    void failingSendsCodeAndMessage() throws Exception {
        answers(PaymentStatus.FAILED);

        post("/api/payments/" + ID + "/fail", "{\"code\": \"expired\", \"message\": \"The payment expired.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("failed"));

        assertThat(sent(FailPaymentCommand.class))
                .isEqualTo(new FailPaymentCommand(PaymentId.of(ID), "expired", "The payment expired."));
    }

    @Test
    void cancelingSendsTheReason() throws Exception {
        answers(PaymentStatus.CANCELED);

        post("/api/payments/" + ID + "/cancel", "{\"reason\": \"requested_by_customer\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("canceled"));

        assertThat(sent(CancelPaymentCommand.class))
                .isEqualTo(new CancelPaymentCommand(PaymentId.of(ID), "requested_by_customer", null));
    }

    @Test
    void patchingSendsTheFieldsAsGiven() throws Exception {
        answers(PaymentStatus.PENDING);

        patch("/api/payments/" + ID, """
                        {"amount": 2500, "description": "", "orderId": "order_2", "metadata": {"gift": "yes", "channel": ""}}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(false));

        assertThat(sent(UpdatePaymentCommand.class))
                .isEqualTo(new UpdatePaymentCommand(
                        PaymentId.of(ID), 2500L, "", "order_2", Map.of("gift", "yes", "channel", "")));
    }

    @Test
    void patchingWithoutABodyChangesNothing() throws Exception {
        answers(PaymentStatus.PENDING);

        mvc.perform(MockMvcRequestBuilders.patch("/api/payments/" + ID)).andExpect(status().isOk());

        assertThat(sent(UpdatePaymentCommand.class))
                .isEqualTo(new UpdatePaymentCommand(PaymentId.of(ID), null, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"currency\": \"eur\"}|currency",
                "{\"status\": \"succeeded\"}|status",
                "{\"customerId\": \"cus_2\"}|customerId",
                "{\"amount\": 0}|amount",
                "{\"amount\": -5}|amount",
                "{\"amount\": \"2500\"}|amount",
                "{\"amount\": 100000000}|amount",
                "{\"metadata\": {\"k\": null}}|metadata[k]",
            })
    void aPatchOfAnotherFieldOrABadValueIsRejectedNamingIt(String body, String field) throws Exception {
        ResultActions result = patch("/api/payments/" + ID, body);

        expectValidationFailed(result, field);
    }

    @Test
    void aTooLongDescriptionIsRejected() throws Exception {
        expectValidationFailed(
                patch("/api/payments/" + ID, "{\"description\": \"" + "x".repeat(1001) + "\"}"), "description");
    }

    @Test
    void deletingArchivesThePayment() throws Exception {
        given(resources.payment(PaymentId.of(ID))).willReturn(archived(view(ID, PaymentStatus.CANCELED)));

        mvc.perform(MockMvcRequestBuilders.delete("/api/payments/" + ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("canceled"))
                .andExpect(jsonPath("$.archived").value(true));

        assertThat(sent(ArchivePaymentCommand.class)).isEqualTo(new ArchivePaymentCommand(PaymentId.of(ID)));
    }

    @Test
    void refundingAnswers201WithTheRefund() throws Exception {
        given(resources.refund(eq(PaymentId.of(ID)), any(RefundId.class))).willAnswer(call -> {
            RefundId refundId = call.getArgument(1);
            return new RefundView(
                    refundId.value(), ID, 500, "usd", RefundStatus.SUCCEEDED, "requested_by_customer", NOW);
        });

        post(
                        "/api/payments/" + ID + "/refunds",
                        "{\"amount\": 500, \"currency\": \"USD\", \"reason\": \"requested_by_customer\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id", matchesPattern("re_[0-9A-Za-z]{24}")))
                .andExpect(jsonPath("$.paymentId").value(ID))
                .andExpect(jsonPath("$.amount").value(500))
                .andExpect(jsonPath("$.status").value("succeeded"));

        RefundPaymentCommand sent = sent(RefundPaymentCommand.class);
        assertThat(RefundId.isValid(sent.refundId().value())).isTrue();
        assertThat(sent)
                .isEqualTo(new RefundPaymentCommand(
                        PaymentId.of(ID), sent.refundId(), 500L, USD, "requested_by_customer"));
    }

    @Test
    void refundingWithoutABodyRefundsAllThatRemains() throws Exception {
        given(resources.refund(eq(PaymentId.of(ID)), any(RefundId.class)))
                .willReturn(new RefundView("re_1", ID, 1999, "usd", RefundStatus.SUCCEEDED, null, NOW));

        mvc.perform(MockMvcRequestBuilders.post("/api/payments/" + ID + "/refunds"))
                .andExpect(status().isCreated());

        RefundPaymentCommand sent = sent(RefundPaymentCommand.class);
        assertThat(sent.amount()).isNull();
        assertThat(sent.currency()).isNull();
    }

    @Test
    void reconcilingSendsTheSettlement() throws Exception {
        answers(PaymentStatus.SUCCEEDED);

        post("/api/payments/" + ID + "/reconcile", """
                        {"settlementId": "st_1", "grossAmount": 1999, "fee": 88, "netAmount": 1911,
                         "settledAt": "2026-11-24T00:00:00Z"}
                        """).andExpect(status().isOk());

        assertThat(sent(ReconcilePaymentCommand.class))
                .isEqualTo(new ReconcilePaymentCommand(
                        PaymentId.of(ID), "st_1", 1999, 88, 1911, null, Instant.parse("2026-11-24T00:00:00Z")));
    }

    @Test
    void theAnswerIsThePaymentAsItsEventsTellItOnceTheCommandRan() throws Exception {
        answers(PaymentStatus.SUCCEEDED);

        post("/api/payments/" + ID + "/confirm", "{}").andExpect(status().isOk());

        InOrder order = inOrder(commands, resources);
        order.verify(commands).sendAndWait(any(ConfirmPaymentCommand.class));
        order.verify(resources).payment(PaymentId.of(ID));
    }

    @Test
    void aRefusedCommandReadsNoAnswer() throws Exception {
        given(commands.sendAndWait(any(CancelPaymentCommand.class)))
                .willThrow(new IllegalPaymentTransition(PaymentId.of(ID), PaymentStatus.SUCCEEDED, "cancel"));

        expectProblem(post("/api/payments/" + ID + "/cancel", "{}"), 409, "invalid_state_transition");

        verifyNoInteractions(resources);
    }

    // --- 400 validation_failed ----------------------------------------------------------------------------------

    @Test
    void anUnknownFieldIsRejected() throws Exception {
        String body = VALID_CREATE.replace("\"confirm\": true", "\"confirm\": true, \"colour\": \"red\"");

        expectValidationFailed(post("/api/payments", body), "colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1999\"", "true", "{}", "[1999]"})
    void anAmountOfTheWrongTypeIsRejected(String amount) throws Exception {
        expectValidationFailed(post("/api/payments", VALID_CREATE.replace("1999", amount)), "amount");
    }

    @Test
    void aConfirmFlagOfTheWrongTypeIsRejected() throws Exception {
        expectValidationFailed(
                post("/api/payments", VALID_CREATE.replace("\"confirm\": true", "\"confirm\": \"yes\"")), "confirm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.99", "1999.0", "1.999e3"})
    void aFloatingPointAmountIsRejected(String amount) throws Exception {
        expectValidationFailed(post("/api/payments", VALID_CREATE.replace("1999", amount)), "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-1999"})
    void anAmountThatIsNotPositiveIsRejected(String amount) throws Exception {
        expectValidationFailed(post("/api/payments", VALID_CREATE.replace("1999", amount)), "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000000", "9223372036854775807"})
    void anAmountWithMoreThanEightDigitsIsRejected(String amount) throws Exception {
        expectValidationFailed(post("/api/payments", VALID_CREATE.replace("1999", amount)), "amount");
    }

    @Test
    void anAmountTooLargeForALongIsRejected() throws Exception {
        expectValidationFailed(post("/api/payments", VALID_CREATE.replace("1999", "99999999999999999999")), "amount");
    }

    @Test
    void anAmountBelowStripesMinimumIsRejected() throws Exception {
        expectValidationFailed(post("/api/payments", VALID_CREATE.replace("1999", "49")), "amount");
    }

    @Test
    void aThreeDecimalAmountNotEndingInZeroIsRejected() throws Exception {
        expectValidationFailed(
                post("/api/payments", VALID_CREATE.replace("1999", "1235").replace("usd", "kwd")), "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "XAU", "us", "dollar"})
    void anUnsupportedCurrencyIsRejected(String currency) throws Exception {
        expectValidationFailed(post("/api/payments", VALID_CREATE.replace("usd", currency)), "currency");
    }

    @Test
    void aMissingCustomerIsRejected() throws Exception {
        expectValidationFailed(
                post("/api/payments", "{\"amount\": 1999, \"currency\": \"usd\", \"confirm\": false}"), "customerId");
    }

    @Test
    void moreThanFiftyMetadataKeysAreRejected() throws Exception {
        String metadata = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> "\"key" + i + "\": \"value\"")
                .collect(Collectors.joining(", ", "{", "}"));

        expectValidationFailed(
                post("/api/payments", VALID_CREATE.replace("{\"channel\": \"web\"}", metadata)), "metadata");
    }

    @Test
    void fiftyMetadataKeysAreAccepted() throws Exception {
        created(PaymentStatus.SUCCEEDED);
        String metadata = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> "\"key" + i + "\": \"value\"")
                .collect(Collectors.joining(", ", "{", "}"));

        post("/api/payments", VALID_CREATE.replace("{\"channel\": \"web\"}", metadata))
                .andExpect(status().isCreated());

        assertThat(sent(CreatePaymentCommand.class).metadata()).hasSize(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\": ", "not json", "{\"amount\": 1999,}", "[]"})
    void malformedJsonIsRejected(String body) throws Exception {
        post("/api/payments", body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.status").value(400));

        verifyNoInteractions(commands);
    }

    @Test
    void aRefundWithAFloatingPointAmountIsRejected() throws Exception {
        expectValidationFailed(post("/api/payments/" + ID + "/refunds", "{\"amount\": 5.5}"), "amount");
    }

    @Test
    void aRefundOfNothingIsRejected() throws Exception {
        expectValidationFailed(post("/api/payments/" + ID + "/refunds", "{\"amount\": 0}"), "amount");
    }

    @Test
    void aRefundInAnUnsupportedCurrencyIsRejected() throws Exception {
        expectValidationFailed(
                post("/api/payments/" + ID + "/refunds", "{\"amount\": 500, \"currency\": \"xyz\"}"), "currency");
    }

    @Test
    void failingWithoutACodeIsRejected() throws Exception {
        expectValidationFailed(
                post("/api/payments/" + ID + "/fail", "{\"message\": \"The payment expired.\"}"), "code");
    }

    @Test
    void aSettlementWithoutSettledAtIsRejected() throws Exception {
        expectValidationFailed(
                post(
                        "/api/payments/" + ID + "/reconcile",
                        "{\"settlementId\": \"st_1\", \"grossAmount\": 1999, \"fee\": 88, \"netAmount\": 1911}"),
                "settledAt");
    }

    @Test
    void aSettlementThatDoesNotAddUpIsRejected() throws Exception {
        post("/api/payments/" + ID + "/reconcile", """
                        {"settlementId": "st_1", "grossAmount": 1999, "fee": 88, "netAmount": 1900,
                         "settledAt": "2026-11-24T00:00:00Z"}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("grossAmount")))
                .andExpect(jsonPath("$.detail").value("grossAmount 1999 is not fee 88 plus netAmount 1900"));

        verifyNoInteractions(commands);
    }

    @Test
    void aSettlementTimeIsKeptToTheMicrosecondThatTheReadModelsKeep() throws Exception {
        answers(PaymentStatus.SUCCEEDED);

        post("/api/payments/" + ID + "/reconcile", """
                        {"settlementId": "st_1", "grossAmount": 1999, "fee": 88, "netAmount": 1911,
                         "settledAt": "2026-11-24T00:00:00.123456789Z"}
                        """).andExpect(status().isOk());

        assertThat(sent(ReconcilePaymentCommand.class).settledAt())
                .isEqualTo(Instant.parse("2026-11-24T00:00:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void aSettlementTimeNoReadModelCouldHoldIsRejected(String settledAt) throws Exception {
        post("/api/payments/" + ID + "/reconcile", """
                        {"settlementId": "st_1", "grossAmount": 1999, "fee": 88, "netAmount": 1911,
                         "settledAt": "%s"}
                        """.formatted(settledAt))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("settledAt")));

        verifyNoInteractions(commands);
    }

    // --- a customer's own payments ------------------------------------------------------------------------------

    @Test
    void aCustomerWhoOmitsTheCustomerCreatesForItselfConfinedToItself() throws Exception {
        created(PaymentStatus.PENDING);

        asCustomer("/api/payments", "{\"amount\": 1999, \"currency\": \"usd\"}").andExpect(status().isCreated());

        CreatePaymentCommand sent = sent(CreatePaymentCommand.class);
        assertThat(sent.customerId()).isEqualTo("cus_own");
        assertThat(sent.onlyCustomer()).isEqualTo("cus_own");
    }

    @Test
    void aCustomerNamingAnotherSendsItConfinedAndTheRefusalIsForbidden() throws Exception {
        given(commands.sendAndWait(any(CreatePaymentCommand.class))).willThrow(new PaymentForAnotherCustomer());

        expectProblem(asCustomer("/api/payments", VALID_CREATE), 403, "forbidden");

        CreatePaymentCommand sent = sent(CreatePaymentCommand.class);
        assertThat(sent.customerId()).isEqualTo("cus_1");
        assertThat(sent.onlyCustomer()).isEqualTo("cus_own");
    }

    @Test
    void aBlankCustomerIsRejectedEvenForACustomer() throws Exception {
        expectValidationFailed(
                asCustomer("/api/payments", "{\"amount\": 1999, \"currency\": \"usd\", \"customerId\": \" \"}"),
                "customerId");
    }

    @Test
    void aCustomersConfirmationAndCancellationAreConfinedToItsPayments() throws Exception {
        answers(PaymentStatus.SUCCEEDED);

        asCustomer("/api/payments/" + ID + "/confirm", "{}").andExpect(status().isOk());
        asCustomer("/api/payments/" + ID + "/cancel", "{}").andExpect(status().isOk());

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        then(commands).should(times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues())
                .containsExactly(
                        new ConfirmPaymentCommand(PaymentId.of(ID), null, "cus_own"),
                        new CancelPaymentCommand(PaymentId.of(ID), null, "cus_own"));
    }

    @Test
    void anotherCustomersPaymentIsAnsweredWordForWordAsAnUnknownOne() throws Exception {
        given(commands.sendAndWait(any(ConfirmPaymentCommand.class)))
                .willThrow(new AggregateNotFoundException(ID, "no such aggregate"));
        String unknown = expectProblem(post("/api/payments/" + ID + "/confirm", "{}"), 404, "payment_not_found")
                .andReturn()
                .getResponse()
                .getContentAsString();
        reset(commands);
        given(commands.sendAndWait(any(ConfirmPaymentCommand.class))).willThrow(new AnotherCustomersPayment(ID));

        String others = asCustomer("/api/payments/" + ID + "/confirm", "{}")
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(others).isEqualTo(unknown);
    }

    // --- 404 ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "re_Test0000000000000000001", "pay_", "pay_a-b"})
    void aMalformedPaymentIdIsNotFound(String id) throws Exception {
        post("/api/payments/" + id + "/confirm", "{}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("payment_not_found"))
                .andExpect(jsonPath("$.type").value("/problems/payment_not_found"))
                .andExpect(jsonPath("$.status").value(404));

        verifyNoInteractions(commands);
    }

    @Test
    void aPaymentTheCommandSideDoesNotKnowIsNotFound() throws Exception {
        given(commands.sendAndWait(any(ConfirmPaymentCommand.class)))
                .willThrow(new AggregateNotFoundException(ID, "no such aggregate"));

        expectProblem(post("/api/payments/" + ID + "/confirm", "{}"), 404, "payment_not_found");
    }

    // --- rule exceptions ----------------------------------------------------------------------------------------

    @Test
    void anIllegalTransitionIsAConflict() throws Exception {
        given(commands.sendAndWait(any(ConfirmPaymentCommand.class)))
                .willThrow(new IllegalPaymentTransition(PaymentId.of(ID), PaymentStatus.CANCELED, "confirm"));

        expectProblem(post("/api/payments/" + ID + "/confirm", "{}"), 409, "invalid_state_transition")
                .andExpect(jsonPath("$.detail").value("cannot confirm payment " + ID + ": it is canceled"));
    }

    @Test
    void aRefundBeyondWhatRemainsIsAConflict() throws Exception {
        given(commands.sendAndWait(any(RefundPaymentCommand.class)))
                .willThrow(new RefundExceedsAvailableAmount(new Money(2000, USD), new Money(1999, USD)));

        expectProblem(post("/api/payments/" + ID + "/refunds", "{\"amount\": 2000}"), 409, "refund_exceeds_available");
    }

    @Test
    void anotherCurrencyThanThePaymentsIsAConflict() throws Exception {
        given(commands.sendAndWait(any(RefundPaymentCommand.class)))
                .willThrow(new CurrencyMismatch(Currency.getInstance("EUR"), USD));

        expectProblem(
                        post("/api/payments/" + ID + "/refunds", "{\"amount\": 500, \"currency\": \"eur\"}"),
                        409,
                        "currency_mismatch")
                .andExpect(jsonPath("$.detail").value("currency eur differs from the payment's usd"));
    }

    @Test
    void aConcurrentUpdateIsAConflict() throws Exception {
        given(commands.sendAndWait(any(CancelPaymentCommand.class)))
                .willThrow(new ConcurrencyException("the payment changed"));

        expectProblem(post("/api/payments/" + ID + "/cancel", "{}"), 409, "concurrent_update");
    }

    @Test
    void anUnreachableProviderIsAServiceUnavailableToRetryLater() throws Exception {
        given(commands.sendAndWait(any(CancelPaymentCommand.class)))
                .willThrow(new ProviderUnavailable("cancel payment " + ID, "CallNotPermittedException"));

        expectProblem(post("/api/payments/" + ID + "/cancel", "{}"), 503, "provider_unavailable")
                .andExpect(header().string("Retry-After", "30"));
    }

    @Test
    void aRuleBrokenBehindAxonsExecutionExceptionAnswersForTheRule() throws Exception {
        given(commands.sendAndWait(any(ConfirmPaymentCommand.class)))
                .willThrow(new CommandExecutionException(
                        "the handler failed",
                        new IllegalPaymentTransition(PaymentId.of(ID), PaymentStatus.CANCELED, "confirm")));

        expectProblem(post("/api/payments/" + ID + "/confirm", "{}"), 409, "invalid_state_transition")
                .andExpect(jsonPath("$.detail").value("cannot confirm payment " + ID + ": it is canceled"))
                .andExpect(jsonPath("$.instance").value("/api/payments/" + ID + "/confirm"));
    }

    @Test
    void anUnforeseenFailureIsAnInternalErrorThatShowsNoInternals() throws Exception {
        given(commands.sendAndWait(any(CancelPaymentCommand.class)))
                .willThrow(new IllegalStateException("connection to db-7.internal refused"));

        expectProblem(post("/api/payments/" + ID + "/cancel", "{}"), 500, "internal_error")
                .andExpect(jsonPath("$.detail").value(not(containsString("db-7"))));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() throws Exception {
        expectProblem(
                        mvc.perform(MockMvcRequestBuilders.post("/api/payments")
                                .contentType(MediaType.TEXT_PLAIN)
                                .content("amount=1999")),
                        415,
                        "validation_failed")
                .andExpect(jsonPath("$.errors").isArray());

        verifyNoInteractions(commands);
    }

    @Test
    void confirmingWithoutAnyPaymentMethodIsAnInvalidRequest() throws Exception {
        given(commands.sendAndWait(any(ConfirmPaymentCommand.class))).willThrow(new PaymentMethodRequired());

        expectProblem(post("/api/payments/" + ID + "/confirm", "{}"), 400, "validation_failed")
                .andExpect(jsonPath("$.errors[0].field").value("paymentMethod"));
    }

    @Test
    void aSettlementTheAggregateFindsUnbalancedIsAnInvalidRequest() throws Exception {
        given(commands.sendAndWait(any(ReconcilePaymentCommand.class)))
                .willThrow(new SettlementDoesNotAddUp(1999, 88, 1900));

        expectProblem(post("/api/payments/" + ID + "/reconcile", """
                                {"settlementId": "st_1", "grossAmount": 1999, "fee": 88, "netAmount": 1911,
                                 "settledAt": "2026-11-24T00:00:00Z"}
                                """), 400, "validation_failed")
                .andExpect(jsonPath("$.errors[0].field").value("grossAmount"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private ResultActions asCustomer(String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .requestAttr(CALLER, CUSTOMER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions post(String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions patch(String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.patch(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static PaymentView archived(PaymentView view) {
        return new PaymentView(
                view.id(),
                view.status(),
                view.amount(),
                view.currency(),
                view.amountRefunded(),
                view.customerId(),
                view.orderId(),
                view.description(),
                view.metadata(),
                view.provider(),
                view.providerPaymentId(),
                view.failure(),
                view.refunds(),
                view.reconciliation(),
                true,
                view.createdAt(),
                view.updatedAt(),
                view.version());
    }

    private void expectValidationFailed(ResultActions result, String field) throws Exception {
        expectProblem(result, 400, "validation_failed")
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.errors[*].message").value(not(empty())));

        verifyNoInteractions(commands);
    }

    private static ResultActions expectProblem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + code))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.code").value(code));
    }

    private <T> T sent(Class<T> type) {
        ArgumentCaptor<T> command = ArgumentCaptor.forClass(type);
        then(commands).should().sendAndWait(command.capture());
        then(commands).shouldHaveNoMoreInteractions();
        return command.getValue();
    }

    /** The command side's resources answer a new payment of this status with its client secret. */
    private void created(PaymentStatus status) {
        given(commands.sendAndWait(any(CreatePaymentCommand.class))).willAnswer(call -> {
            CreatePaymentCommand command = call.getArgument(0);
            return new NewPayment(command.paymentId(), "secret_1");
        });
        given(resources.created(any())).willAnswer(call -> {
            NewPayment created =
                    call.<CommandEvents.Recorded<NewPayment>>getArgument(0).answer();
            return new CreatedPaymentView(view(created.paymentId().value(), status), created.clientSecret());
        });
    }

    /** The command side's resources answer payment {@link #ID} in this status. */
    private void answers(PaymentStatus status) {
        given(resources.payment(PaymentId.of(ID))).willReturn(view(ID, status));
    }

    private static PaymentView view(String id, PaymentStatus status) {
        return new PaymentView(
                id,
                status,
                1999,
                "usd",
                0,
                "cus_1",
                "order_1",
                "Two books",
                Map.of("channel", "web"),
                Provider.SIMULATED,
                "sim_" + id,
                null,
                List.of(),
                PaymentView.ReconciliationView.UNRECONCILED,
                false,
                NOW,
                NOW,
                1);
    }
}
