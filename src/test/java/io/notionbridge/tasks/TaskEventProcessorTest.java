package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.notionbridge.notion.error.NotionErrorDetails;
import io.notionbridge.notion.error.NotionUnauthorizedException;
import io.notionbridge.tasks.webhook.InboxEvent;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The processor's decisions: own edits, other databases, order, deletion, validation, create or update by page id. */
@Tag("db")
class TaskEventProcessorTest {

    static final ChannelRegistry CHANNELS = TaskMergeTest.CHANNELS;
    static final Instant T0 = Instant.parse("2026-07-04T09:00:00Z");
    private static final String PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839";

    private final TaskStore store = new TaskStore();
    private final TestClock clock = new TestClock(T0);
    private final TaskRepository tasks = new TaskRepository(store.dataSource(), clock);
    private final FakeNotion notion = new FakeNotion();
    private final TaskEventProcessor processor = new TaskEventProcessor(tasks, notion, CHANNELS,
            TaskProperties.defaults(), FakeNotion.DATABASE);
    private long ids;

    @AfterEach
    void close() {
        store.close();
    }

    InboxEvent by(String type, Instant time, String authorType, String authorId) {
        return event(type, time, "{\"id\":\"" + authorId + "\",\"type\":\"" + authorType + "\"}", FakeNotion.DATABASE);
    }

    InboxEvent event(String type, Instant time, String authors, String parentDatabase) {
        long id = ++ids;
        String payload = "{\"id\":\"e-" + id + "\",\"type\":\"" + type + "\",\"timestamp\":\"" + time + "\","
                + "\"authors\":[" + authors + "],\"entity\":{\"id\":\"" + PAGE + "\",\"type\":\"page\"},"
                + "\"data\":{\"parent\":{\"id\":\"" + parentDatabase + "\",\"type\":\"database\"}}}";
        return new InboxEvent(id, "e-" + id, type, PAGE, time, payload, "notion", "pending", 1, time, null, "p", time,
                time, null, null);
    }

    InboxEvent byPerson(String type, Instant time) {
        return by(type, time, "person", FakeNotion.PERSON);
    }

    @Test
    void aPersonsEditCreatesTheTaskFromThePage() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        TaskEventProcessor.Outcome o = processor.process(byPerson("page.created", T0));
        assertThat(o.applied()).isTrue();
        Task t = tasks.findByPageId(PAGE).orElseThrow();
        assertThat(t.title()).isEqualTo("Why GPUs are fast");
        assertThat(t.channel()).isEqualTo("tech-explained");
        assertThat(t.topic()).isEqualTo("GPU parallelism");
        assertThat(t.status()).isEqualTo(TaskState.PENDING);
        assertThat(t.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(t.notionStatus()).isEqualTo("Queued");
        assertThat(t.notionEventTime()).isEqualTo(T0);
        assertThat(t.hasUnpushedChange()).as("Notion already shows it").isFalse();
        assertThat(notion.retrieved).containsExactly(PAGE);
    }

    @Test
    void laterEditsUpdateTheSameTaskByPageId() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        processor.process(byPerson("page.created", T0));
        notion.put(FakeNotion.page(PAGE, "Why GPUs are so fast", "tech-explained", "GPU parallelism", "Rendering", "Low"));
        processor.process(byPerson("page.properties_updated", T0.plusSeconds(5)));
        assertThat(store.count("SELECT COUNT(*) FROM tasks")).isEqualTo(1);
        Task t = tasks.findByPageId(PAGE).orElseThrow();
        assertThat(t.title()).isEqualTo("Why GPUs are so fast");
        assertThat(t.status()).isEqualTo(TaskState.PROCESSING);
        assertThat(t.priority()).isEqualTo(TaskPriority.LOW);
        assertThat(t.notionEventTime()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void eventsAuthoredOnlyByTheBridgesBotAreIgnoredWithoutReadingNotion() {
        TaskEventProcessor.Outcome o = processor.process(by("page.properties_updated", T0, "bot", FakeNotion.BOT));
        assertThat(o.applied()).isFalse();
        assertThat(o.description()).contains("own bot");
        assertThat(notion.retrieved).isEmpty();
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        String botAndPerson = "{\"id\":\"" + FakeNotion.BOT + "\",\"type\":\"bot\"},{\"id\":\"" + FakeNotion.PERSON
                + "\",\"type\":\"person\"}";
        assertThat(processor.process(event("page.properties_updated", T0, botAndPerson, FakeNotion.DATABASE)).applied())
                .as("an aggregated event with a person in it").isTrue();
        assertThat(processor.process(by("page.properties_updated", T0.plusSeconds(1), "bot", "another-bot")).applied())
                .as("another integration's bot is someone else").isTrue();
    }

    @Test
    void anEventOlderThanTheLastAppliedOneIsIgnored() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Editing", "High"));
        processor.process(byPerson("page.properties_updated", T0.plusSeconds(10)));
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        TaskEventProcessor.Outcome o = processor.process(byPerson("page.properties_updated", T0.plusSeconds(3)));
        assertThat(o.applied()).isFalse();
        assertThat(o.description()).startsWith("older than the newest event");
        assertThat(tasks.findByPageId(PAGE).orElseThrow().status()).isEqualTo(TaskState.PROCESSING);
        assertThat(notion.retrieved).hasSize(1);
    }

    @Test
    void aLateDeleteAfterAnUndeleteDoesNotMarkTheTask() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        processor.process(byPerson("page.created", T0));
        processor.process(byPerson("page.undeleted", T0.plusSeconds(20)));
        assertThat(processor.process(byPerson("page.deleted", T0.plusSeconds(10))).applied()).isFalse();
        assertThat(tasks.findByPageId(PAGE).orElseThrow().deletedInNotion()).isFalse();
    }

    @Test
    void aDeletedPageMarksItsTaskWhichIsKeptAndUndeletedBringsItBack() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        processor.process(byPerson("page.created", T0));
        int reads = notion.retrieved.size();
        assertThat(processor.process(byPerson("page.deleted", T0.plusSeconds(1))).applied()).isTrue();
        assertThat(notion.retrieved).as("no read for a delete").hasSize(reads);
        Task t = tasks.findByPageId(PAGE).orElseThrow();
        assertThat(t.deletedInNotion()).isTrue();
        assertThat(t.status()).isEqualTo(TaskState.PENDING);
        processor.process(byPerson("page.undeleted", T0.plusSeconds(2)));
        assertThat(tasks.findByPageId(PAGE).orElseThrow().deletedInNotion()).isFalse();
    }

    @Test
    void aPageInTheTrashOrGoneMarksTheTaskDeleted() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        processor.process(byPerson("page.created", T0));
        notion.pages.get(PAGE).put("in_trash", true);
        processor.process(byPerson("page.properties_updated", T0.plusSeconds(1)));
        assertThat(tasks.findByPageId(PAGE).orElseThrow().deletedInNotion()).isTrue();
        processor.process(byPerson("page.undeleted", T0.plusSeconds(2)));
        assertThat(tasks.findByPageId(PAGE).orElseThrow().deletedInNotion()).as("still in the trash").isTrue();
        notion.pages.remove(PAGE);
        assertThat(processor.process(byPerson("page.properties_updated", T0.plusSeconds(3))).description())
                .contains("404");
        assertThat(tasks.findByPageId(PAGE).orElseThrow().deletedInNotion()).isTrue();
    }

    @Test
    void pagesOfOtherDatabasesAreIgnored() {
        String crm = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a10";
        TaskEventProcessor.Outcome o = processor.process(event("page.properties_updated", T0,
                "{\"id\":\"" + FakeNotion.PERSON + "\",\"type\":\"person\"}", crm));
        assertThat(o.applied()).isFalse();
        assertThat(notion.retrieved).as("decided from the event").isEmpty();
        var page = FakeNotion.page(PAGE, "x", "tech-explained", "y", "Queued", null);
        page.putObject("parent").put("type", "data_source_id").put("data_source_id", "ds-x").put("database_id", crm);
        notion.put(page);
        assertThat(processor.process(event("page.created", T0, "{\"id\":\"p\",\"type\":\"person\"}", "x")).applied())
                .isFalse();
        assertThat(tasks.findByPageId(PAGE)).isEmpty();
    }

    @Test
    void anInvalidEntryStaysDraftAndAWarnLineSaysWhy() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "cooking", null, "Queued", "High"));
        try (LogCapture log = LogCapture.capture()) {
            processor.process(byPerson("page.created", T0));
            List<LogCapture.Line> warn = log.containing("action=entry_remains_in_draft");
            assertThat(warn).singleElement().satisfies(l -> {
                assertThat(l.level()).isEqualTo(Level.WARN);
                assertThat(l.message()).contains("page_id=" + PAGE).contains("title=\"Why GPUs are fast\"")
                        .contains("topic is required").contains("channel 'cooking' is not configured");
            });
        }
        Task t = tasks.findByPageId(PAGE).orElseThrow();
        assertThat(t.status()).isEqualTo(TaskState.DRAFT);
        assertThat(t.validationError()).contains("topic is required");
        assertThat(t.hasUnpushedChange()).as("Notion shows Queued: Draft must be written").isTrue();
    }

    @Test
    void aRejectedTokenRaisesAnAlertAndTheEventFails() {
        notion.failRetrieves = () -> new NotionUnauthorizedException(new NotionErrorDetails(401, "unauthorized",
                "API token is invalid.", "r", null, "GET /v1/pages/x"));
        try (LogCapture log = LogCapture.capture()) {
            assertThatThrownBy(() -> processor.process(byPerson("page.created", T0)))
                    .isInstanceOf(NotionUnauthorizedException.class);
            assertThat(log.lines()).anySatisfy(l -> {
                assertThat(l.level()).isEqualTo(Level.ERROR);
                assertThat(l.message()).startsWith("ALERT");
            });
        }
    }

    @Test
    void automationPayloadsAreComparedToTheMinute() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        processor.process(byPerson("page.created", T0.plusSeconds(35)));
        String payload = "{\"source\":{\"type\":\"automation\",\"event_id\":\"a1\"},\"data\":{\"object\":\"page\",\"id\":\""
                + PAGE + "\",\"last_edited_by\":{\"id\":\"" + FakeNotion.PERSON + "\"},\"parent\":{\"type\":\"data_source_id\","
                + "\"database_id\":\"" + FakeNotion.DATABASE + "\"}}}";
        InboxEvent sameMinute = new InboxEvent(50, "automation:a1", "automation.page", PAGE, T0, payload, "automation",
                "pending", 1, T0, null, "p", T0, T0, null, null);
        assertThat(processor.process(sameMinute).applied()).as("09:00 vs 09:00:35, minute precision").isTrue();
        InboxEvent earlier = new InboxEvent(51, "automation:a2", "automation.page", PAGE, T0.minus(Duration.ofMinutes(1)),
                payload, "automation", "pending", 1, T0, null, "p", T0, T0, null, null);
        assertThat(processor.process(earlier).applied()).isFalse();
        String byBot = payload.replace(FakeNotion.PERSON, FakeNotion.BOT);
        InboxEvent own = new InboxEvent(52, "automation:a3", "automation.page", PAGE, T0.plusSeconds(60), byBot,
                "automation", "pending", 1, T0, null, "p", T0, T0, null, null);
        assertThat(processor.process(own).description()).contains("own bot");
    }
}
