package io.notionbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import io.notionbridge.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

/** Configuration as the CLI and runtime read it: files, profiles and environment placeholders. */
class BridgeConfigTest {

    @Test
    void defaultsComeFromApplicationProperties() {
        BridgeConfig c = BridgeConfig.load(null, null);
        assertThat(c.get("camel.main.name")).contains("notion-bridge");
        assertThat(DatabaseSettings.from(c).url()).startsWith("jdbc:h2:file:./data/");
        assertThat(c.get("bridge.db.password")).as("empty password default").isEmpty();
    }

    @Test
    void prodProfileRequiresADatabaseUrlFromTheEnvironment() {
        BridgeConfig c = BridgeConfig.load("prod", null);
        assertThat(c.locations()).contains("application-prod.properties");
        if (System.getenv("BRIDGE_DB_URL") == null) {
            assertThatThrownBy(() -> c.get("bridge.db.url")).isInstanceOf(BridgeException.class)
                    .hasMessageContaining("environment variable BRIDGE_DB_URL must be set").hasMessageContaining("profile prod");
        }
        assertThat(c.get("camel.main.routes-reload-enabled")).contains("false");
    }

    @Test
    void overridesWinOverFiles() {
        Properties p = new Properties();
        p.setProperty("bridge.db.pool-size", "3");
        assertThat(BridgeConfig.load(null, p).getInt("bridge.db.pool-size", 10)).isEqualTo(3);
    }

    @Test
    void malformedNumbersAndBooleansNameTheKey() {
        Properties p = new Properties();
        p.setProperty("x.n", "ten");
        p.setProperty("x.b", "yes");
        BridgeConfig c = BridgeConfig.load(null, p);
        assertThatThrownBy(() -> c.getInt("x.n", 1)).hasMessageContaining("'x.n' must be a whole number");
        assertThatThrownBy(() -> c.getBoolean("x.b", true)).hasMessageContaining("'x.b' must be true or false");
    }

    @Test
    void anH2StoreOnDiskWritesEachCommitAtOnceUnlessTheUrlSaysOtherwise() {
        assertThat(new DatabaseSettings("jdbc:h2:file:./data/nb;MODE=PostgreSQL", "sa", "", 1).connectUrl())
                .isEqualTo("jdbc:h2:file:./data/nb;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(new DatabaseSettings("jdbc:h2:./data/nb;write_delay=100", "sa", "", 1).connectUrl())
                .isEqualTo("jdbc:h2:./data/nb;write_delay=100");
        assertThat(new DatabaseSettings("jdbc:h2:mem:t1;DB_CLOSE_DELAY=-1", "sa", "", 1).connectUrl())
                .isEqualTo("jdbc:h2:mem:t1;DB_CLOSE_DELAY=-1");
        assertThat(new DatabaseSettings("jdbc:postgresql://h/db", "u", "", 1).connectUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void safeUrlMasksPasswords() {
        DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true", "u", "p", 1);
        assertThat(s.safeUrl()).doesNotContain("hunter2").contains("password=***");
        assertThat(s.toString()).doesNotContain("hunter2");
    }
}
