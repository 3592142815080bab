package io.notionbridge.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The 5% fault drill (issue 10): the same scenario twice, each time in a fresh runtime, store and sandbox — once clean,
 * once with {@link FaultMix} (about 5% of Notion requests failing with 500, 502, 503, 504 or a dropped connection,
 * and 3% of page writes applied and then answered 503). The scenario covers every job that talks to Notion: a
 * discovery push of 150 new and 6 known companies, suppression syncs (full and incremental), warehouse syncs of the
 * five demo databases with 1,500 more pages in Actions (full, incremental after edits and a trashed page, full again),
 * and two-way task sync (15 edits in Notion through webhooks, task API changes pushed back to Notion). Each job is run again until it reports nothing
 * left to do, as its timer would. The end states must be identical: CRM pages (one per canonical key, same
 * properties), signal states, push intents, suppression cache, bronze rows, tasks and their Notion pages, watermarks.
 */
@Tag("db")
class NotionFaultsDrillTest {

    static final int NEW_COMPANIES = 150;
    /** Pages added to Actions (with fixed ids) so that a full refresh reads 17 pages of query results. */
    static final int MORE_ACTIONS = 1500;
    /** Companies added to the CRM (with fixed ids) so that each suppression sync reads 16 pages of query results. */
    static final int MORE_CRM = 1500;
    static final List<String> KNOWN = List.of("acme.ai", "nimbusrobotics.com", "fernweh.io", "quantumloom.dev", "bluefin.so",
            "maplemetrics.ca");

    record Run(EndState state, Map<String, Integer> runs, long requests, Map<String, Long> faults, long writesHit,
               long createsCommittedThen503, long retries, long millis, Map<String, String> phases) {
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fivePercentOfNotionRequestsFailingLeavesTheSameEndStateAsACleanRun() throws Exception {
        Run clean;
        try (DrillBridge b = DrillBridge.start()) {
            clean = scenario(b, false);
        }
        Run faulty;
        try (DrillBridge b = DrillBridge.start()) {
            faulty = scenario(b, true);
        }

        long injected = faulty.faults().values().stream().mapToLong(Long::longValue).sum();
        List<String> differences = clean.state().differences(faulty.state());
        System.out.printf("DRILL 5%% faults: clean run %d requests in %d ms, job runs %s%n", clean.requests(), clean.millis(),
                clean.runs());
        System.out.printf("DRILL 5%% faults: faulty run %d requests in %d ms, %d faults injected (%.1f%%) %s, %d of them on "
                        + "page writes, %d creates committed then 503, %d gateway retries, job runs %s, %d differences%n",
                faulty.requests(), faulty.millis(), injected, 100.0 * injected / faulty.requests(), faulty.faults(),
                faulty.writesHit(), faulty.createsCommittedThen503(), faulty.retries(), faulty.runs(), differences.size());
        System.out.printf("DRILL 5%% faults: requests/faults per phase with faults %s%n", faulty.phases());
        assertThat(clean.faults()).as("the clean run had no fault").isEmpty();
        assertThat(faulty.faults()).as("every kind of fault happened")
                .containsKeys("status 500", "status 502", "status 503", "status 504", "drop", "committed_then_503");
        assertThat((double) injected / faulty.requests()).as("about 5% of the requests failed").isBetween(0.03, 0.09);
        assertThat(faulty.createsCommittedThen503()).as("creates applied then answered 503 (the duplicate trap)").isPositive();
        assertThat(faulty.retries()).as("the gateway retried failed reads").isPositive();
        assertThat(faulty.phases()).as("every job met faults (if not, FaultMix.SEED no longer gives this part of the "
                + "scenario a fault: the drill would not exercise it)").allSatisfy((phase, figures) ->
                assertThat(figures).doesNotEndWith("/0"));

        assertThat(clean.state().size(EndState.CRM)).as("the demo's 30 companies, 1,500 more and the 150 new ones")
                .isEqualTo(30 + MORE_CRM + NEW_COMPANIES);
        assertThat(clean.state().size("bronze rows")).isEqualTo(279 + MORE_ACTIONS);
        assertThat(clean.state().size("tasks")).isEqualTo(15);
        assertThat(clean.state().duplicateCrmPages()).isEmpty();
        assertThat(faulty.state().duplicateCrmPages()).as("no company has two CRM pages").isEmpty();
        assertThat(differences).as("end state with faults against the clean run").isEmpty();
    }

    private Run scenario(DrillBridge b, boolean faults) throws Exception {
        long started = System.nanoTime();
        NotionSandbox sandbox = b.sandbox();
        long retriesBefore = b.retries().failureRetries();
        seedActions(sandbox);
        seedCrm(sandbox);
        if (faults) {
            FaultMix.apply(sandbox.faults());
        }
        Phases phases = new Phases(sandbox);

        phases.start("suppression");
        b.suppressionSyncUntilDone(true);
        b.intake(signals());
        phases.start("discovery push");
        b.pushUntilDone();
        b.advance(Duration.ofMinutes(2));
        phases.start("suppression");
        b.suppressionSyncUntilDone(false);

        b.advance(Duration.ofMinutes(1));
        phases.start("warehouse");
        b.warehouseSyncUntilDone(true);
        b.advance(Duration.ofMinutes(2));
        editWarehousePages(sandbox);
        b.advance(Duration.ofMinutes(3));
        b.warehouseSyncUntilDone(false);
        b.advance(Duration.ofMinutes(1));
        b.warehouseSyncUntilDone(true);

        b.advance(Duration.ofMinutes(2));
        List<PageRecord> tasks = pages(sandbox, DemoData.VIDEO_TASKS_DATA_SOURCE_ID);
        for (int i = 0; i < tasks.size(); i++) {
            String props = i < 8 ? "{\"Status\":{\"status\":{\"name\":\"Queued\"}}}"
                    : i == 8 ? "{\"Topic\":{\"rich_text\":[]}}" : "{\"Priority\":{\"select\":{\"name\":\"High\"}}}";
            edit(sandbox, tasks.get(i).id, props);
        }
        phases.start("task sync");
        b.inboxUntilDrained();
        for (int i = 0; i < 4; i++) {
            long id = b.taskId(tasks.get(i).id);
            assertThat(b.taskAction(id, "transition", "{\"to\":\"processing\",\"worker\":\"drill-" + i + "\"}")
                    .path("status").asText()).isEqualTo("processing");
        }
        for (int i = 4; i < 6; i++) {
            assertThat(b.taskAction(b.taskId(tasks.get(i).id), "priority", "{\"priority\":\"low\"}")
                    .path("priority").asText()).isEqualTo("low");
        }
        b.taskPushUntilDone();
        b.inboxUntilDrained();
        b.advance(Duration.ofMinutes(1));
        for (int i = 0; i < tasks.size(); i++) {
            edit(sandbox, tasks.get(i).id, "{\"Story Direction\":{\"rich_text\":[{\"text\":{\"content\":\"Take " + i
                    + "\"}}]}}");
        }
        b.inboxUntilDrained();
        phases.start("end");

        List<RequestLogEntry> log = sandbox.requestLog().entries();
        long requests = sandbox.requestLog().total();
        Map<String, Long> kinds = new LinkedHashMap<>(sandbox.requestLog().faultCounts());
        long writesHit = log.stream().filter(e -> e.fault() != null && isWrite(e)).count();
        long committedCreates = log.stream().filter(e -> "committed_then_503".equals(e.fault())
                && e.endpoint().equals("POST /v1/pages")).count();
        long retries = b.retries().failureRetries() - retriesBefore;
        sandbox.faults().clear();
        EndState state = EndState.of(b);
        return new Run(state, new LinkedHashMap<>(b.runs()), requests, kinds, writesHit, committedCreates, retries,
                (System.nanoTime() - started) / 1_000_000, phases.figures(log));
    }

    /** Which requests of the sandbox's log each part of the scenario made: "requests/faults" per part. */
    private static final class Phases {
        private final NotionSandbox sandbox;
        private final List<String> names = new ArrayList<>();
        private final List<Long> firstSeq = new ArrayList<>();

        Phases(NotionSandbox sandbox) {
            this.sandbox = sandbox;
        }

        /** A new part; its fault draws start from a seed of their own, whatever the parts before it drew. */
        void start(String name) {
            sandbox.faults().reseed(FaultMix.SEED + names.size());
            List<RequestLogEntry> log = sandbox.requestLog().entries();
            names.add(name);
            firstSeq.add(log.isEmpty() ? 0 : log.get(log.size() - 1).seq() + 1);
        }

        Map<String, String> figures(List<RequestLogEntry> log) {
            Map<String, long[]> counts = new LinkedHashMap<>();
            for (RequestLogEntry e : log) {
                int phase = -1;
                for (int i = 0; i < firstSeq.size(); i++) {
                    if (e.seq() >= firstSeq.get(i)) {
                        phase = i;
                    }
                }
                if (phase >= 0 && !names.get(phase).equals("end")) {
                    long[] c = counts.computeIfAbsent(names.get(phase), k -> new long[2]);
                    c[0]++;
                    c[1] += e.fault() == null ? 0 : 1;
                }
            }
            Map<String, String> out = new LinkedHashMap<>();
            counts.forEach((k, c) -> out.put(k, c[0] + "/" + c[1]));
            return out;
        }
    }

    private static boolean isWrite(RequestLogEntry e) {
        return e.endpoint().equals("POST /v1/pages") || e.endpoint().equals("PATCH /v1/pages/{id}");
    }

    /**
     * 150 new companies (AUTO_PUSH or NEEDS_REVIEW, some with founder, location and raise on the page), 6 companies the
     * CRM knows (updated), 4 held and 2 rejected; detection times fixed, so both runs score alike.
     */
    static List<String> signals() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NEW_COMPANIES; i++) {
            String name = String.format("Drill Company %03d", i);
            String site = String.format("https://drill%03d.io", i);
            String day = String.format("2026-06-%02dT10:00:00Z", 1 + i % 28);
            switch (i % 4) {
                case 0 -> out.add(signal("github_star_spike", "github", name, 0.9, site, day, null));
                case 1 -> out.add(signal("funding_post", "news", name, 0.45, site, day, null));
                case 2 -> {
                    out.add(signal("github_star_spike", "github", name, 0.6, site, day, null));
                    out.add(signal("new_incorporation", "companies_house", name, 0.5, site, "2026-05-01", null));
                }
                default -> {
                    out.add(signal("product_launch", "producthunt", name, 0.5, site, day,
                            "{\"founder\":\"Founder " + i + "\",\"location\":\"Leeds, UK\",\"target_raise\":\"$2.5M\"}"));
                    out.add(signal("hiring_spike", "linkedin", name, 0.4, site, "2026-05-02", null));
                }
            }
        }
        for (String domain : KNOWN) {
            out.add(signal("hiring_spike", "linkedin", "Known " + domain, 0.8, "https://" + domain, "2026-06-15T08:00:00Z", null));
        }
        for (int i = 0; i < 4; i++) {
            out.add(signal("funding_post", "news", "Held Company " + i, 0.3, "https://held" + i + ".io", "2026-06-10", null));
        }
        for (int i = 0; i < 2; i++) {
            out.add(signal("funding_post", "news", "Gone Company " + i, 0.9, "https://gone" + i + ".io", "2026-06-10", null));
            out.add(signal("company_dissolved", "companies_house", "Gone Company " + i, 0.9, "https://gone" + i + ".io",
                    "2026-06-11", null));
        }
        return out;
    }

    private static String signal(String type, String source, String company, double confidence, String website,
                                 String detectedAt, String rawData) {
        ObjectNode o = NotionJson.object().put("signal_type", type).put("source_api", source).put("company_name", company)
                .put("confidence", confidence).put("website", website).put("detected_at", detectedAt);
        if (rawData != null) {
            try {
                o.set("raw_data", NotionJson.MAPPER.readTree(rawData));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return o.toString();
    }

    /** {@link #MORE_ACTIONS} pages in Actions with fixed ids, stamped at the start (no webhook events, no requests). */
    private static void seedActions(NotionSandbox sandbox) throws Exception {
        for (int i = 0; i < MORE_ACTIONS; i++) {
            String id = java.util.UUID.nameUUIDFromBytes(("drill-action-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
            sandbox.pages().create(id, PageParent.dataSource(DemoData.ACTIONS_DATA_SOURCE_ID), NotionJson.MAPPER.readTree(
                    "{\"Name\":{\"title\":[{\"text\":{\"content\":\"Drill action " + i + "\"}}]},"
                            + "\"Priority\":{\"select\":{\"name\":\"" + (i % 2 == 0 ? "Low" : "High") + "\"}}}"),
                    null, null, sandbox.store().bot(), sandbox.clock().instant(), false);
        }
    }

    /** {@link #MORE_CRM} companies in the CRM with fixed ids and canonical keys, stamped at the start. */
    private static void seedCrm(NotionSandbox sandbox) throws Exception {
        for (int i = 0; i < MORE_CRM; i++) {
            String id = java.util.UUID.nameUUIDFromBytes(("drill-crm-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
            String domain = String.format("seeded%04d.com", i);
            sandbox.pages().create(id, PageParent.dataSource(DemoData.CRM_DATA_SOURCE_ID), NotionJson.MAPPER.readTree(
                    "{\"Name\":{\"title\":[{\"text\":{\"content\":\"Seeded " + i + "\"}}]},"
                            + "\"Canonical Key\":{\"rich_text\":[{\"text\":{\"content\":\"domain:" + domain + "\"}}]},"
                            + "\"Website\":{\"url\":\"https://" + domain + "\"}}"),
                    null, null, sandbox.store().bot(), sandbox.clock().instant(), false);
        }
    }

    /** Edits people make in Notion between the full and the incremental warehouse sync, and a trashed page. */
    private static void editWarehousePages(NotionSandbox sandbox) throws Exception {
        List<PageRecord> projects = pages(sandbox, DemoData.PROJECTS_DATA_SOURCE_ID);
        List<PageRecord> risks = pages(sandbox, DemoData.RISKS_DATA_SOURCE_ID);
        List<PageRecord> actions = pages(sandbox, DemoData.ACTIONS_DATA_SOURCE_ID);
        for (int i = 0; i < 3; i++) {
            edit(sandbox, projects.get(i).id, "{\"Health\":{\"select\":{\"name\":\"Red\"}}}");
            edit(sandbox, risks.get(i).id, "{\"Open\":{\"checkbox\":false}}");
        }
        for (int i = 0; i < 4; i++) {
            edit(sandbox, actions.get(i).id, "{\"Done\":{\"checkbox\":true}}");
        }
        sandbox.editAsPerson(actions.get(4).id, DemoData.USER_TOM_ID, NotionJson.MAPPER.readTree("{\"in_trash\":true}"));
    }

    private static void edit(NotionSandbox sandbox, String pageId, String properties) throws Exception {
        sandbox.editAsPerson(pageId, DemoData.USER_MAYA_ID, NotionJson.MAPPER.readTree("{\"properties\":" + properties + "}"));
    }

    /** The live pages of a data source, by id (the same order in every run: demo ids are fixed). */
    private static List<PageRecord> pages(NotionSandbox sandbox, String dataSourceId) {
        return sandbox.store().pagesOf(dataSourceId).stream().filter(p -> !p.inTrash)
                .sorted(Comparator.comparing(p -> p.id)).toList();
    }
}
