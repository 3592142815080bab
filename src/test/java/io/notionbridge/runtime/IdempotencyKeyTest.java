package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void noHeaderIsNoKeyAndAVisibleAsciiValueIsOne() {
        assertThat(IdempotencyKey.parse(null)).isNull();
        assertThat(IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324").value())
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKey.parse("x".repeat(255)).value()).hasSize(255);
    }

    @Test
    void emptyTooLongAndInvisibleCharactersAre400NamingTheProblem() {
        assertThatThrownBy(() -> IdempotencyKey.parse("")).isInstanceOfSatisfying(HttpProblem.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.code()).isEqualTo("invalid_idempotency_key");
            assertThat(p.getMessage()).contains("Idempotency-Key").contains("empty");
        });
        assertThatThrownBy(() -> IdempotencyKey.parse("x".repeat(256))).hasMessageContaining("256 characters long; the limit is 255");
        assertThatThrownBy(() -> IdempotencyKey.parse("two words")).hasMessageContaining("character 4 is not a visible ASCII");
        assertThatThrownBy(() -> IdempotencyKey.parse("clé")).hasMessageContaining("character 3");
    }
}
