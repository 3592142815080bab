package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import org.junit.jupiter.api.Test;

/** The bridge.warehouse.* keys as application.properties and overrides give them. */
class WarehouseSettingsTest {

    private static WarehouseSettings load(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return WarehouseSettings.from(BridgeConfig.load(null, p));
    }

    @Test
    void defaultsAreTheSandboxDemoDatabasesIntoTheStore() {
        WarehouseSettings s = load();
        assertThat(s.names()).containsExactly("programs", "projects", "budget-lines", "risks", "actions");
        assertThat(s.database("budget-lines").id()).isEqualTo("2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a40");
        assertThat(s.database("Projects").envVar()).isEqualTo("WAREHOUSE_DB_PROJECTS_ID");
        assertThat(s.target().isStore()).isTrue();
        assertThat(s.target().schema()).isEqualTo("bronze");
        assertThat(s.target().table()).isEqualTo("bronze.bronze_notion_raw_pages");
        assertThat(s.target().dialect()).isEqualTo("auto");
        assertThat(s.completeReferences()).isTrue();
        assertThat(s.includeTrash()).isTrue();
        assertThat(s.consistencyBuffer()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aPlaceholderIdIsBlockedOnlyWhenUsed() {
        WarehouseSettings s = load("bridge.warehouse.database.projects.id", "changeme");
        assertThat(s.database("projects").check().ok()).isFalse();
        assertThatThrownBy(() -> s.database("projects").id()).isInstanceOf(BridgeException.class)
                .hasMessageStartingWith("BLOCKED: set WAREHOUSE_DB_PROJECTS_ID to the Notion database id of \"projects\"");
        assertThat(s.database("risks").id()).isNotBlank();
    }

    @Test
    void aNameWithoutAKeyIsReadFromItsVariable() {
        WarehouseSettings s = load("bridge.warehouse.databases", "programs, okrs");
        assertThat(s.names()).containsExactly("programs", "okrs");
        assertThat(s.database("okrs").check().ok()).isEqualTo(System.getenv("WAREHOUSE_DB_OKRS_ID") != null);
    }

    @Test
    void aSeparateTargetAndItsDialect() {
        WarehouseSettings s = load("bridge.warehouse.target.url", "jdbc:postgresql://wh:5432/dw?password=secret",
                "bridge.warehouse.target.schema", "Raw_Notion");
        assertThat(s.target().dialect()).isEqualTo("postgresql");
        assertThat(s.target().schema()).isEqualTo("raw_notion");
        assertThat(s.target().toString()).doesNotContain("secret");
        assertThat(load("bridge.warehouse.target.url", "jdbc:databricks://x:443", "bridge.warehouse.target.dialect", "auto")
                .target().dialect()).isEqualTo("databricks");
    }

    @Test
    void mistakesAreOneLine() {
        assertThatThrownBy(() -> load("bridge.warehouse.target.schema", "bronze; drop table x"))
                .isInstanceOf(BridgeException.class).hasMessageContaining("plain SQL name");
        assertThatThrownBy(() -> load("bridge.warehouse.databases", "a,a")).hasMessageContaining("twice");
        assertThatThrownBy(() -> load("bridge.warehouse.databases", "a b")).hasMessageContaining("not a valid database name");
        assertThatThrownBy(() -> load().database("nope")).hasMessageContaining("configured: programs, projects");
    }
}
