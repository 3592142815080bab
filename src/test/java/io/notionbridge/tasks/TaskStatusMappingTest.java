package io.notionbridge.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TaskStatusMappingTest {

    /** The 26 options in order, with their state: the list the sandbox seeds. */
    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        Draft              | DRAFT
        Needs Info         | DRAFT
        Ready for Planning | DRAFT
        On Hold            | DRAFT
        Queued             | PENDING
        Planned            | PENDING
        Scheduled          | PENDING
        Processing         | PROCESSING
        Scripting          | PROCESSING
        Assets Generating  | PROCESSING
        Voiceover          | PROCESSING
        Editing            | PROCESSING
        Rendering          | PROCESSING
        Uploading          | PROCESSING
        Awaiting Review    | AWAITING_REVIEW
        In Review          | AWAITING_REVIEW
        Approved           | APPROVED
        Ready to Publish   | APPROVED
        Rejected           | REJECTED
        Changes Requested  | REJECTED
        Published          | COMPLETED
        Done               | COMPLETED
        Archived           | COMPLETED
        Failed             | FAILED
        Blocked            | FAILED
        Retry Requested    | RETRY
        """)
    void everyOptionMapsBothWays(String option, TaskState state) {
        assertEquals(Optional.of(state), TaskStatusMapping.toState(option));
        assertEquals(Optional.of(state), TaskStatusMapping.toState("  " + option.toUpperCase() + " "));
        assertTrue(TaskStatusMapping.optionsOf(state).contains(option));
        assertEquals(option, TaskStatusMapping.optionToWrite(state, option), "a matching option is kept as it is");
        assertEquals(option, TaskStatusMapping.optionToWrite(state, option.toLowerCase()), "spelt as configured");
        assertFalse(TaskStatusMapping.needsWrite(state, option));
        assertEquals(state, TaskStatusMapping.toState(TaskStatusMapping.toNotion(state)).orElseThrow(), "round trip");
    }

    @Test
    void allOptionsAreTheTwentySixInOrder() {
        List<String> all = TaskStatusMapping.allOptions();
        assertEquals(26, all.size());
        assertEquals(26, Set.copyOf(all).size());
        assertEquals(List.of("Draft", "Needs Info", "Ready for Planning", "On Hold", "Queued", "Planned", "Scheduled",
                "Processing", "Scripting", "Assets Generating", "Voiceover", "Editing", "Rendering", "Uploading",
                "Awaiting Review", "In Review", "Approved", "Ready to Publish", "Rejected", "Changes Requested",
                "Published", "Done", "Archived", "Failed", "Blocked", "Retry Requested"), all);
        assertEquals(EnumSet.allOf(TaskState.class),
                all.stream().map(o -> TaskStatusMapping.toState(o).orElseThrow()).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @CsvSource({"DRAFT, Draft", "PENDING, Queued", "PROCESSING, Processing", "AWAITING_REVIEW, Awaiting Review",
            "APPROVED, Approved", "REJECTED, Rejected", "COMPLETED, Done", "FAILED, Failed", "RETRY, Retry Requested"})
    void eachStateWritesItsCanonicalOption(TaskState state, String option) {
        assertEquals(option, TaskStatusMapping.toNotion(state));
        assertEquals(option, TaskStatusMapping.optionToWrite(state, null));
        assertEquals(option, TaskStatusMapping.optionToWrite(state, "Something Else"));
    }

    @Test
    void aFinerOptionIsKeptOnlyWhileItMeansTheTargetState() {
        assertEquals("Rendering", TaskStatusMapping.optionToWrite(TaskState.PROCESSING, "Rendering"));
        assertFalse(TaskStatusMapping.needsWrite(TaskState.PROCESSING, "Rendering"));
        assertEquals("Awaiting Review", TaskStatusMapping.optionToWrite(TaskState.AWAITING_REVIEW, "Rendering"));
        assertTrue(TaskStatusMapping.needsWrite(TaskState.AWAITING_REVIEW, "Rendering"));
        assertEquals("Published", TaskStatusMapping.optionToWrite(TaskState.COMPLETED, "Published"));
        assertTrue(TaskStatusMapping.needsWrite(TaskState.DRAFT, "Unknown Option"));
        assertTrue(TaskStatusMapping.needsWrite(TaskState.DRAFT, null));
    }

    @Test
    void unknownOptionsAreEmptyOrAClearError() {
        assertEquals(Optional.empty(), TaskStatusMapping.toState("Cancelled"));
        assertEquals(Optional.empty(), TaskStatusMapping.toState(""));
        assertEquals(Optional.empty(), TaskStatusMapping.toState(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskStatusMapping.requireState("Cancelled"));
        assertTrue(e.getMessage().startsWith("unknown Notion status 'Cancelled'; known options: Draft, Needs Info, "),
                e.getMessage());
        assertEquals(TaskState.PROCESSING, TaskStatusMapping.requireState("rendering"));
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void statesRoundTripThroughTheDatabaseValue(TaskState state) {
        assertEquals(state.name().toLowerCase(), state.dbValue());
        assertEquals(state, TaskState.fromDb(state.dbValue()));
        assertEquals(state, TaskState.fromDb(" " + state.name() + " "));
    }

    @Test
    void unknownDatabaseStatesAreAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskState.fromDb("done"));
        assertEquals("unknown task state 'done'; expected one of draft, pending, processing, awaiting_review, approved,"
                + " rejected, completed, failed, retry", e.getMessage());
        assertEquals(Optional.empty(), TaskState.find(null));
    }

    @Test
    void prioritiesMapToTheNotionSelect() {
        assertEquals(Optional.of(TaskPriority.HIGH), TaskPriority.parse("High"));
        assertEquals(Optional.of(TaskPriority.LOW), TaskPriority.parse(" low "));
        assertEquals(Optional.of(TaskPriority.NORMAL), TaskPriority.parse(null), "no priority is the default");
        assertEquals(Optional.of(TaskPriority.NORMAL), TaskPriority.parse(""));
        assertEquals(Optional.empty(), TaskPriority.parse("Urgent"));
        assertEquals("Normal", TaskPriority.DEFAULT.notionOption());
        assertEquals("high", TaskPriority.HIGH.dbValue());
        for (TaskPriority p : TaskPriority.values()) {
            assertEquals(Optional.of(p), TaskPriority.parse(p.notionOption()));
            assertEquals(Optional.of(p), TaskPriority.parse(p.dbValue()));
        }
    }
}
