package io.notionbridge.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TaskValidatorTest {

    private static final ChannelRegistry CHANNELS = ChannelRegistry.of(List.of(
            new Channel("tech-explained", "Tech Explained", "", TaskPriority.NORMAL),
            new Channel("money-minute", "Money Minute", "", TaskPriority.HIGH)));
    private final TaskValidator validator = new TaskValidator(CHANNELS);

    @Test
    void aCompleteTaskIsValid() {
        ValidationResult r = validator.validate(draft("How GPS works", "tech-explained", "GPS", "Rendering", "High"));
        assertTrue(r.valid());
        assertEquals(List.of(), r.reasons());
    }

    @Test
    void storyDirectionStatusAndPriorityAreOptional() {
        assertTrue(validator.validate(draft("How GPS works", "tech-explained", "GPS", null, null)).valid());
    }

    @Test
    void aBlankTitleIsInvalid() {
        assertEquals(List.of("title is required"),
                validator.validate(draft("  ", "tech-explained", "GPS", "Draft", "Normal")).reasons());
        assertEquals(List.of("title is required"),
                validator.validate(draft(null, "tech-explained", "GPS", "Draft", "Normal")).reasons());
    }

    @Test
    void aWhitespaceTopicIsInvalid() {
        assertEquals(List.of("topic is required"),
                validator.validate(draft("How GPS works", "tech-explained", " \t\n", "Draft", "Normal")).reasons());
    }

    @Test
    void anUnknownChannelIsInvalidAndTheConfiguredOnesAreNamed() {
        assertEquals(List.of("channel 'cooking-corner' is not configured (configured: money-minute, tech-explained)"),
                validator.validate(draft("Pasta", "cooking-corner", "Pasta", "Draft", "Normal")).reasons());
        assertEquals(List.of("channel is required"),
                validator.validate(draft("Pasta", "", "Pasta", "Draft", "Normal")).reasons());
    }

    @Test
    void unknownStatusAndPriorityOptionsAreInvalid() {
        assertEquals(List.of("status 'Cancelled' is not a known status option",
                        "priority 'Urgent' is not one of Low, Normal, High"),
                validator.validate(draft("How GPS works", "tech-explained", "GPS", "Cancelled", "Urgent")).reasons());
    }

    @Test
    void everyReasonIsReportedAtOnceInFieldOrder() {
        TaskDraft d = draft("", "cooking-corner", null, "Draft", null);
        ValidationResult r = validator.validate(d);
        assertFalse(r.valid());
        assertEquals(List.of("title is required", "topic is required",
                "channel 'cooking-corner' is not configured (configured: money-minute, tech-explained)"), r.reasons());
        assertEquals("page_id=1a2b3c4d-0000-4000-8000-000000000001 title=\"\" reason=\"title is required; topic is"
                + " required; channel 'cooking-corner' is not configured (configured: money-minute, tech-explained)\""
                + " action=entry_remains_in_draft", TaskValidator.warnLine(d, r));
    }

    @Test
    void theWarnLineStaysOneParseableLine() {
        TaskDraft d = new TaskDraft(null, " The \"best\" C:\\ drive\nexplained ", "tech-explained", "", null, null, null);
        assertEquals("page_id=- title=\"The \\\"best\\\" C:\\\\ drive explained\" reason=\"topic is required\""
                + " action=entry_remains_in_draft", TaskValidator.warnLine(d, validator.validate(d)));
    }

    @Test
    void aResultIsValidExactlyWhenItHasNoReasons() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationResult(true, List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> new ValidationResult(false, List.of()));
    }

    private static TaskDraft draft(String title, String channel, String topic, String status, String priority) {
        return new TaskDraft("1a2b3c4d-0000-4000-8000-000000000001", title, channel, topic, "Keep it light", status,
                priority);
    }
}
