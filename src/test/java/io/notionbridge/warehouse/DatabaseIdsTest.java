package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Configured Notion database ids: what is usable, what is a placeholder, and the variable to set. */
class DatabaseIdsTest {

    @Test
    void theVariableFollowsTheName() {
        assertThat(DatabaseIds.envVar("projects")).isEqualTo("WAREHOUSE_DB_PROJECTS_ID");
        assertThat(DatabaseIds.envVar("budget-lines")).isEqualTo("WAREHOUSE_DB_BUDGET_LINES_ID");
        assertThat(DatabaseIds.blockedMessage("projects"))
                .isEqualTo("set WAREHOUSE_DB_PROJECTS_ID to the Notion database id of \"projects\"");
    }

    @Test
    void idsWithOrWithoutDashesAndDatabaseUrlsAreAccepted() {
        String id = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a30";
        assertThat(DatabaseIds.check(id).id()).isEqualTo(id);
        assertThat(DatabaseIds.check("2F1C6A570D434C8E9A517C1E0B6D4A30").id()).isEqualTo(id);
        assertThat(DatabaseIds.check(" " + id + " ").id()).isEqualTo(id);
        assertThat(DatabaseIds.check("https://www.notion.so/acme/Projects-2f1c6a570d434c8e9a517c1e0b6d4a30?v=9a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .id()).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "changeme", "CHANGE_ME", "change-me-please", "xxx", "XXXXXXXX", "<database id>", "${DB_ID}",
        "{{id}}", "todo", "your-database-id", "00000000-0000-0000-0000-000000000000", "00000000000000000000000000000000", "..."})
    void placeholdersAndMissingValuesAreRefused(String value) {
        DatabaseIds.Check c = DatabaseIds.check(value);
        assertThat(c.ok()).isFalse();
        assertThat(c.id()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects", "12345", "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a3", "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a30x"})
    void otherTextIsNotADatabaseId(String value) {
        assertThat(DatabaseIds.check(value).problem()).contains("is not a Notion database id");
    }
}
