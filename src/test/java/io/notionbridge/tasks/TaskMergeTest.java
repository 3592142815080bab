package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a Notion page and the stored task combine: mapping both ways, validation, conflicts (the database wins). */
class TaskMergeTest {

    static final ChannelRegistry CHANNELS = ChannelRegistry.of(List.of(
            new Channel("tech-explained", "Tech Explained", "", TaskPriority.NORMAL),
            new Channel("money-minute", "Money Minute", "", TaskPriority.HIGH)));
    private static final TaskValidator VALIDATOR = new TaskValidator(CHANNELS);
    static final Instant T0 = Instant.parse("2026-07-04T09:00:00Z");

    static TaskDraft draft(String status, String priority) {
        return new TaskDraft("page-1", "How GPS works", "tech-explained", "GPS", "Start in a car", status, priority);
    }

    static Task task(TaskState status, TaskPriority priority, String notionStatus, String notionPriority, boolean unpushed) {
        return new Task(7, "How GPS works", "tech-explained", "GPS", null, status, priority, "page-1", notionStatus,
                notionPriority, false, null, "w1", T0, T0, T0, unpushed ? T0.plusSeconds(10) : T0, T0, 0, null, T0, null,
                null, null, 3);
    }

    static TaskMerge.Result merge(Task existing, TaskDraft d) {
        return TaskMerge.merge(existing, d, VALIDATOR.validate(d), CHANNELS);
    }

    @Test
    void aNewPageMapsEachStatusOptionToItsState() {
        for (String option : TaskStatusMapping.allOptions()) {
            TaskMerge.Result r = merge(null, draft(option, "High"));
            assertThat(r.status()).as(option).isEqualTo(TaskStatusMapping.requireState(option));
            assertThat(r.needsPush()).as("Notion already shows %s", option).isFalse();
            assertThat(r.notionStatus()).isEqualTo(option);
        }
        assertThat(merge(null, draft("Queued", "High")).status()).as("Queued is pending for workers")
                .isEqualTo(TaskState.PENDING);
    }

    @Test
    void aNewPageTakesNotionFieldsAndFallsBackToTheChannelDefaultPriority() {
        TaskMerge.Result r = merge(null, draft("Queued", null));
        assertThat(r.title()).isEqualTo("How GPS works");
        assertThat(r.channel()).isEqualTo("tech-explained");
        assertThat(r.topic()).isEqualTo("GPS");
        assertThat(r.storyDirection()).isEqualTo("Start in a car");
        assertThat(r.priority()).isEqualTo(TaskPriority.NORMAL);
        assertThat(r.needsPush()).as("Notion has no priority yet: the default is written").isTrue();
        TaskDraft money = new TaskDraft("p", "Compound interest", "money-minute", "Interest", null, "Queued", null);
        assertThat(merge(null, money).priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(merge(null, draft(null, "Low")).status()).as("no status: draft").isEqualTo(TaskState.DRAFT);
    }

    @Test
    void anInvalidEntryStaysDraftWithItsReasonsAndNotionIsToldSo() {
        TaskDraft noTopic = new TaskDraft("p", "Title", "tech-explained", " ", null, "Queued", "Normal");
        TaskMerge.Result r = merge(null, noTopic);
        assertThat(r.status()).isEqualTo(TaskState.DRAFT);
        assertThat(r.validationError()).isEqualTo("topic is required");
        assertThat(r.needsPush()).as("Notion shows Queued; Draft is written").isTrue();
        TaskDraft badChannel = new TaskDraft("p", "Title", "cooking", "Eggs", null, "Rendering", "Normal");
        assertThat(merge(task(TaskState.PROCESSING, TaskPriority.NORMAL, "Rendering", "Normal", false), badChannel))
                .satisfies(x -> {
                    assertThat(x.status()).isEqualTo(TaskState.DRAFT);
                    assertThat(x.validationError()).contains("channel 'cooking' is not configured");
                    assertThat(x.clearClaim()).isTrue();
                });
        TaskMerge.Result noTitle = merge(null, new TaskDraft("p", null, "tech-explained", "x", null, null, null));
        assertThat(noTitle.title()).isEmpty();
        assertThat(noTitle.validationError()).isEqualTo("title is required");
    }

    @Test
    void aNotionEditIsTakenWhenTheDatabaseHasNothingPending() {
        Task t = task(TaskState.PENDING, TaskPriority.NORMAL, "Queued", "Normal", false);
        TaskMerge.Result r = merge(t, draft("Rendering", "High"));
        assertThat(r.status()).isEqualTo(TaskState.PROCESSING);
        assertThat(r.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(r.needsPush()).isFalse();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void theDatabaseWinsAConflictAndNotionIsOverwritten() {
        Task t = task(TaskState.AWAITING_REVIEW, TaskPriority.HIGH, "Rendering", "High", true);
        TaskMerge.Result r = merge(t, draft("On Hold", "Low"));
        assertThat(r.status()).isEqualTo(TaskState.AWAITING_REVIEW);
        assertThat(r.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(r.notionStatus()).as("baseline: what Notion shows now").isEqualTo("On Hold");
        assertThat(r.needsPush()).isTrue();
        assertThat(r.notes()).hasSize(2).allSatisfy(n -> assertThat(n).startsWith("conflict on"));
    }

    @Test
    void notionFieldsAlwaysWinBecauseTheDatabaseNeverWritesThem() {
        Task t = task(TaskState.PROCESSING, TaskPriority.NORMAL, "Scripting", "Normal", true);
        TaskDraft renamed = new TaskDraft("page-1", "GPS, explained", "money-minute", "Satellites", "Orbit first",
                "Scripting", "Normal");
        TaskMerge.Result r = merge(t, renamed);
        assertThat(r.title()).isEqualTo("GPS, explained");
        assertThat(r.channel()).isEqualTo("money-minute");
        assertThat(r.topic()).isEqualTo("Satellites");
        assertThat(r.storyDirection()).isEqualTo("Orbit first");
        assertThat(r.status()).isEqualTo(TaskState.PROCESSING);
    }

    @Test
    void anUnchangedNotionStatusKeepsTheDatabaseState() {
        Task t = task(TaskState.APPROVED, TaskPriority.NORMAL, "In Review", "Normal", true);
        TaskMerge.Result r = merge(t, draft("In Review", "Normal"));
        assertThat(r.status()).isEqualTo(TaskState.APPROVED);
        assertThat(r.notes()).isEmpty();
        assertThat(r.needsPush()).isTrue();
    }

    @Test
    void aFinerOptionOfTheSameStateNeedsNoPush() {
        Task t = task(TaskState.PROCESSING, TaskPriority.NORMAL, "Scripting", "Normal", true);
        TaskMerge.Result r = merge(t, draft("Rendering", "Normal"));
        assertThat(r.status()).isEqualTo(TaskState.PROCESSING);
        assertThat(r.notes()).isEmpty();
        assertThat(r.needsPush()).isFalse();
    }

    @Test
    void aDraftForcedByValidationFollowsNotionOnceTheEntryIsFixed() {
        Task invalid = new Task(7, "How GPS works", "tech-explained", null, null, TaskState.DRAFT, TaskPriority.NORMAL,
                "page-1", "Queued", "Normal", false, "topic is required", null, null, T0, T0, T0.plusSeconds(5), null, 0,
                null, T0, null, null, null, 2);
        TaskMerge.Result r = merge(invalid, draft("Queued", "Normal"));
        assertThat(r.status()).isEqualTo(TaskState.PENDING);
        assertThat(r.validationError()).isNull();
        assertThat(r.needsPush()).isFalse();
    }

    @Test
    void aDefaultedPriorityFollowsNotionEvenBeforeItWasPushed() {
        Task t = task(TaskState.PENDING, TaskPriority.NORMAL, "Queued", null, true);
        assertThat(merge(t, draft("Queued", "High")).priority()).isEqualTo(TaskPriority.HIGH);
    }

    @Test
    void aClearedPriorityGoesBackToTheChannelDefault() {
        Task t = task(TaskState.PENDING, TaskPriority.HIGH, "Queued", "High", false);
        TaskMerge.Result r = merge(t, draft("Queued", null));
        assertThat(r.priority()).isEqualTo(TaskPriority.NORMAL);
        assertThat(r.needsPush()).isTrue();
    }

    @Test
    void goingBackToPendingOrDraftReleasesTheWorkersClaim() {
        Task t = task(TaskState.PROCESSING, TaskPriority.NORMAL, "Processing", "Normal", false);
        assertThat(merge(t, draft("Queued", "Normal")).clearClaim()).isTrue();
        assertThat(merge(t, draft("On Hold", "Normal")).clearClaim()).isTrue();
        assertThat(merge(t, draft("Editing", "Normal")).clearClaim()).isFalse();
    }
}
