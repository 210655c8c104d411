package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.provider.SyncStripeObjectCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeEventTest {

    private static final String EVENT = """
            {
              "id": "evt_3MtwBwLkdIwHu7ix0Ydkj1pE",
              "object": "event",
              "api_version": "2025-03-31.basil",
              "created": 1680064028,
              "data": {"object": {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "object": "payment_intent", "future": 1}},
              "livemode": false,
              "pending_webhooks": 1,
              "request": {"id": "req_1", "idempotency_key": null},
              "type": "payment_intent.succeeded"
            }""";

    @Test
    void anEventOfAnotherApiVersionIsReadFromItsRawJson() {
        StripeEvent event = StripeEvent.parse(EVENT);

        assertThat(event.id()).isEqualTo("evt_3MtwBwLkdIwHu7ix0Ydkj1pE");
        assertThat(event.type()).isEqualTo("payment_intent.succeeded");
        assertThat(event.apiVersion()).isEqualTo("2025-03-31.basil");
        assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1680064028));
        assertThat(event.object().path("id").asString()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
        assertThat(event.object().path("future").asLong()).isEqualTo(1);
    }

    @Test
    void itsSyncCommandNamesTheEventAndTheObjectAndCarriesTheObjectAsSent() {
        SyncStripeObjectCommand command = StripeEvent.parse(EVENT).syncCommand();

        assertThat(command.eventId()).isEqualTo("evt_3MtwBwLkdIwHu7ix0Ydkj1pE");
        assertThat(command.eventType()).isEqualTo("payment_intent.succeeded");
        assertThat(command.apiVersion()).isEqualTo("2025-03-31.basil");
        assertThat(command.objectType()).isEqualTo("payment_intent");
        assertThat(command.objectId()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
        assertThat(StripeEvent.JSON.readTree(command.objectJson()))
                .isEqualTo(StripeEvent.JSON.readTree(
                        "{\"id\": \"pi_3MtwBwLkdIwHu7ix28a3tqPa\", \"object\": \"payment_intent\", \"future\": 1}"));
    }

    @Test
    void aTruncatedBodyIsNotAnEvent() {
        assertThatThrownBy(() -> StripeEvent.parse(EVENT.substring(0, EVENT.length() / 2)))
                .isInstanceOf(NotAStripeEvent.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> StripeEvent.parse("")).isInstanceOf(NotAStripeEvent.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1, 2]                                                                                 | body",
                "\"evt_1\"                                                                              | body",
                "{\"object\":\"event\",\"type\":\"x.y\",\"created\":1,\"data\":{\"object\":{}}}         | id",
                "{\"id\":\"ch_1\",\"object\":\"event\",\"type\":\"x.y\",\"created\":1,\"data\":{\"object\":{}}} | id",
                "{\"id\":\"evt_1\",\"object\":\"charge\",\"type\":\"x.y\",\"created\":1,\"data\":{\"object\":{}}} | object",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":7,\"created\":1,\"data\":{\"object\":{}}} | type",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x.y\",\"created\":\"1\",\"data\":{\"object\":{}}} | created",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x.y\",\"created\":1.5,\"data\":{\"object\":{}}} | created",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x.y\",\"created\":1,\"data\":{}}      | data.object",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x.y\",\"created\":1,\"data\":{\"object\":[]}} | data.object",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x.y\",\"created\":1,\"api_version\":3,\"data\":{\"object\":{}}} | api_version"
            })
    void jsonOfTheWrongShapeIsNotAnEvent(String body, String field) {
        assertThatThrownBy(() -> StripeEvent.parse(body.strip()))
                .isInstanceOf(NotAStripeEvent.class)
                .extracting(e -> ((NotAStripeEvent) e).field())
                .isEqualTo(field);
    }
}
