package io.notionbridge.tasks.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.notionbridge.tasks.TaskStore;
import io.notionbridge.tasks.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The handshake rules: a token is stored only without any secret and in setup mode; nothing is ever overwritten. */
@Tag("db")
class WebhookSecretStoreTest {

    private final TaskStore store = new TaskStore();
    private final TestClock clock = new TestClock(Instant.parse("2026-07-04T09:00:00Z"));

    @AfterEach
    void close() {
        store.close();
    }

    private WebhookSecretStore secrets(String configured, boolean setupMode) {
        return new WebhookSecretStore(store.dataSource(), configured, setupMode, clock);
    }

    private long storedCount() {
        return store.count("SELECT COUNT(*) FROM webhook_secrets");
    }

    @Test
    void inSetupModeWithoutSecretTheTokenIsStoredAndBecomesTheSecret() {
        WebhookSecretStore s = secrets(null, true);
        assertThat(s.active()).isEmpty();
        assertThat(s.onVerificationToken("secret_first")).isEqualTo(WebhookSecretStore.Handshake.STORED);
        assertThat(s.active()).contains("secret_first");
        assertThat(s.source()).isEqualTo("stored");
        assertThat(secrets(null, false).active()).as("a restart reads it back").contains("secret_first");
    }

    @Test
    void aStoredSecretIsNeverOverwritten() {
        WebhookSecretStore s = secrets(null, true);
        s.onVerificationToken("secret_first");
        assertThat(s.onVerificationToken("secret_second")).isEqualTo(WebhookSecretStore.Handshake.KEPT_STORED);
        assertThat(secrets(null, true).onVerificationToken("secret_third")).isEqualTo(WebhookSecretStore.Handshake.KEPT_STORED);
        assertThat(s.active()).contains("secret_first");
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void aConfiguredSecretIsNeverOverwrittenAndNothingIsStored() {
        WebhookSecretStore s = secrets("secret_configured", true);
        assertThat(s.onVerificationToken("secret_new")).isEqualTo(WebhookSecretStore.Handshake.KEPT_CONFIGURED);
        assertThat(s.active()).contains("secret_configured");
        assertThat(s.useForThisRun("secret_runtime")).isFalse();
        assertThat(s.active()).contains("secret_configured");
        assertThat(storedCount()).isZero();
    }

    @Test
    void withSetupModeOffNothingIsStored() {
        WebhookSecretStore s = secrets(null, false);
        assertThat(s.onVerificationToken("secret_new")).isEqualTo(WebhookSecretStore.Handshake.SETUP_MODE_OFF);
        assertThat(s.active()).isEmpty();
        assertThat(storedCount()).isZero();
    }

    @Test
    void aSecretForThisRunIsUsedButNotStored() {
        WebhookSecretStore s = secrets(null, true);
        assertThat(s.useForThisRun("secret_sandbox")).isTrue();
        assertThat(s.onVerificationToken("secret_sandbox")).isEqualTo(WebhookSecretStore.Handshake.KEPT_RUNTIME);
        assertThat(s.active()).contains("secret_sandbox");
        assertThat(storedCount()).isZero();
    }

    @Test
    void aTokenStoredByAnotherInstanceIsPickedUpAtMostEveryTenSeconds() {
        WebhookSecretStore a = secrets(null, true);
        WebhookSecretStore b = secrets(null, true);
        a.onVerificationToken("secret_from_a");
        clock.advance(Duration.ofSeconds(11));
        assertThat(b.reloadIfStale()).isTrue();
        assertThat(b.active()).contains("secret_from_a");
        assertThat(b.reloadIfStale()).as("not again within 10 s").isFalse();
    }

    @Test
    void logsShowSixCharactersAndTheLengthOnly() {
        String token = "secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl";
        assertThat(WebhookSecretStore.redact(token)).isEqualTo("secret…(50 chars)").doesNotContain("tMrl");
        assertThat(WebhookSecretStore.redact("abc")).isEqualTo("abc…(3 chars)");
    }
}
