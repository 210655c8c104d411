package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String PAYLOAD = "{\"id\":\"evt_1\",\"object\":\"event\"}";

    private final SignatureCheck check = check("whsec_current, whsec_previous");

    @Test
    void aSignatureWithTheCurrentSecretVerifies() {
        assertThatCode(() -> check.verify(PAYLOAD, sign(PAYLOAD, "whsec_current", NOW)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureWithThePreviousSecretStillVerifiesDuringRotation() {
        assertThatCode(() -> check.verify(PAYLOAD, sign(PAYLOAD, "whsec_previous", NOW)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        assertThatThrownBy(() -> check.verify(PAYLOAD, sign(PAYLOAD, "whsec_forged", NOW)))
                .isInstanceOf(InvalidSignature.class);
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() {
        String header = sign(PAYLOAD, "whsec_current", NOW);
        assertThatThrownBy(() -> check.verify(PAYLOAD.replace("evt_1", "evt_2"), header))
                .isInstanceOf(InvalidSignature.class);
        assertThatThrownBy(() -> check.verify(PAYLOAD + " ", header)).isInstanceOf(InvalidSignature.class);
    }

    @Test
    void aSignatureOlderThanTheToleranceIsRefused() {
        assertThatCode(() -> check.verify(PAYLOAD, sign(PAYLOAD, "whsec_current", NOW.minusSeconds(299))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check.verify(PAYLOAD, sign(PAYLOAD, "whsec_current", NOW.minusSeconds(301))))
                .isInstanceOf(InvalidSignature.class);
    }

    @Test
    void aSignatureFromTheFutureIsRefused() {
        assertThatCode(() -> check.verify(PAYLOAD, sign(PAYLOAD, "whsec_current", NOW.plusSeconds(59))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check.verify(PAYLOAD, sign(PAYLOAD, "whsec_current", NOW.plusSeconds(3600))))
                .isInstanceOf(InvalidSignature.class)
                .hasMessageContaining("future");
    }

    @Test
    void aMissingOrGarbledHeaderIsRefused() {
        assertThatThrownBy(() -> check.verify(PAYLOAD, null)).isInstanceOf(InvalidSignature.class);
        assertThatThrownBy(() -> check.verify(PAYLOAD, "")).isInstanceOf(InvalidSignature.class);
        assertThatThrownBy(() -> check.verify(PAYLOAD, "t=abc,v1=00")).isInstanceOf(InvalidSignature.class);
    }

    @Test
    void withoutAnySecretEveryWebhookIsRefused() {
        SignatureCheck unconfigured = check(" ");
        assertThatThrownBy(() -> unconfigured.verify(PAYLOAD, sign(PAYLOAD, "whsec_current", NOW)))
                .isInstanceOf(InvalidSignature.class)
                .hasMessageContaining("No webhook signing secret");
    }

    static String sign(String payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignatureCheck check(String secrets) {
        return new SignatureCheck(Settings.secrets(secrets), Settings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
