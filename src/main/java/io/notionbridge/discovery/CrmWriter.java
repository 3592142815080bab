package io.notionbridge.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionObjectNotFoundException;
import io.notionbridge.notion.error.NotionOutcomeUnknownException;
import io.notionbridge.notion.error.NotionValidationException;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one prospect into the Notion CRM, never creating a company twice. All Notion calls go through the gateway
 * ({@link NotionClient}).
 * <ol>
 *   <li>A page the bridge knows (a create it recorded, or an unexpired suppression cache row) is <b>updated</b>.</li>
 *   <li>Otherwise the company is <b>looked up</b> in the CRM by its canonical key when a previous create was left
 *       unresolved (crash, timeout, "outcome unknown"), when the cache is not fresh, or when the known page has been
 *       deleted. A page found is adopted (recorded) and updated.</li>
 *   <li>Otherwise a page is <b>created</b>: the intent is committed as {@code sending} first, then the create is sent,
 *       then the page id is recorded and the cache row written. When Notion's answer leaves the outcome unknown the
 *       company is looked up at once; if it is not found yet, nothing is sent again in this run and the next run looks
 *       it up again before it creates anything.</li>
 * </ol>
 * In a dry run only the reads happen (cache, intents, lookups), and the result says what would have been done.
 */
public class CrmWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CrmWriter.class);

    /** What was done: {@code created}/{@code updated} (or {@code would_…} in a dry run) and the page. */
    public record Result(String action, String pageId) {
    }

    /** The create was sent and its outcome is still unknown after a lookup; the next run resolves it. */
    public static class OutcomeUnresolvedException extends RuntimeException {
        public OutcomeUnresolvedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record KnownPage(String pageId, Optional<List<String>> types) {
    }

    private final Supplier<NotionClient> client;
    private final CrmSettings crm;
    private final CrmPageMapper mapper;
    private final PushIntents intents;
    private final SuppressionEntries cache;

    public CrmWriter(Supplier<NotionClient> client, CrmSettings crm, PushIntents intents, SuppressionEntries cache) {
        this.client = client;
        this.crm = crm;
        this.mapper = new CrmPageMapper(crm);
        this.intents = intents;
        this.cache = cache;
    }

    /**
     * Creates or updates the CRM page of {@code p} (decision AUTO_PUSH or NEEDS_REVIEW).
     *
     * @param cached         the unexpired cache row of the company, or null
     * @param lookupIfUnknown look the company up before creating it even without an unresolved intent
     */
    public Result upsert(Prospect p, SuppressionEntries.Entry cached, boolean lookupIfUnknown, boolean dryRun) {
        String key = p.canonicalKey();
        Optional<PushIntents.Intent> intent = intents.find(key);
        KnownPage known = null;
        if (intent.isPresent() && !intent.get().unresolved() && intent.get().pageId() != null) {
            boolean sameAsCache = cached != null && intent.get().pageId().equals(cached.pageId());
            known = new KnownPage(intent.get().pageId(), sameAsCache ? cached.signalTypes() : Optional.empty());
        } else if (cached != null) {
            known = new KnownPage(cached.pageId(), cached.signalTypes());
        }
        boolean pageGone = false;
        if (known != null) {
            if (dryRun) {
                return new Result(ProspectOutcome.WOULD_UPDATE, known.pageId());
            }
            try {
                return update(p, known.pageId(), known.types(), null);
            } catch (NotionApiException e) {
                if (!isGone(e)) {
                    throw e;
                }
                LOG.warn("CRM page {} of {} is gone ({}); looking the company up by its canonical key", known.pageId(), key,
                        e.code());
                cache.remove(key);
                intents.remove(key);
                intent = Optional.empty();
                pageGone = true;
            }
        }
        boolean unresolved = intent.isPresent() && intent.get().unresolved();
        if (unresolved || lookupIfUnknown || pageGone) {
            Optional<JsonNode> found = lookup(key);
            if (found.isPresent()) {
                String pageId = found.get().path("id").asText();
                if (dryRun) {
                    return new Result(ProspectOutcome.WOULD_UPDATE, pageId);
                }
                if (unresolved) {
                    LOG.info("{}: the create left unresolved earlier ({}) did reach Notion: adopting page {}", key,
                            intent.get().state(), pageId);
                }
                intents.created(key, pageId);
                return update(p, pageId, Optional.of(typesOn(found.get())), null);
            }
        }
        if (dryRun) {
            return new Result(ProspectOutcome.WOULD_CREATE, null);
        }
        return create(p);
    }

    private Result create(Prospect p) {
        String key = p.canonicalKey();
        String status = crm.statusFor(p.result().decision());
        ObjectNode properties = mapper.createProperties(p, status);
        intents.sending(key);
        JsonNode page;
        try {
            page = client.get().createPageInDatabase(crm.databaseId(), properties);
        } catch (NotionOutcomeUnknownException e) {
            intents.unknown(key, e.getMessage());
            Optional<JsonNode> found = lookup(key);
            if (found.isEmpty()) {
                throw new OutcomeUnresolvedException("the create of " + key + " may or may not have reached Notion ("
                        + e.getMessage() + ") and a lookup does not find it yet; the next run looks it up again before "
                        + "creating anything", e);
            }
            LOG.info("{}: the create's outcome was unknown ({}); a lookup found page {}: adopting it", key, e.code(),
                    found.get().path("id").asText());
            page = found.get();
        } catch (NotionApiException e) {
            // Notion refused it: nothing was created, the next run may create it again
            intents.failed(key, e.getMessage());
            throw e;
        }
        String pageId = page.path("id").asText();
        intents.created(key, pageId);
        cache.upsert(key, p.keyStrength(), pageId, status, p.companyName(), lastEdited(page), p.result().signalTypes());
        return new Result(ProspectOutcome.CREATED, pageId);
    }

    private Result update(Prospect p, String pageId, Optional<List<String>> typesOnPage, String status) {
        List<String> types = typesOnPage.isPresent() ? typesOnPage.get() : typesOn(client.get().retrievePage(pageId));
        ObjectNode body = NotionJson.object();
        body.set("properties", mapper.updateProperties(p, types));
        JsonNode page = client.get().updatePage(pageId, body);
        cache.upsert(p.canonicalKey(), p.keyStrength(), pageId, status, p.companyName(), lastEdited(page),
                CrmPageMapper.mergedTypes(types, p.result().signalTypes()));
        return new Result(ProspectOutcome.UPDATED, pageId);
    }

    /** The CRM status a new page gets for {@code decision}. */
    public String statusFor(GateDecision decision) {
        return crm.statusFor(decision);
    }

    /** The oldest CRM page whose canonical key property equals {@code key}, if any (a data source query). */
    public Optional<JsonNode> lookup(String key) {
        ObjectNode body = NotionJson.object();
        body.putObject("filter").put("property", crm.canonicalKey()).putObject("rich_text").put("equals", key);
        body.putArray("sorts").addObject().put("timestamp", "created_time").put("direction", "ascending");
        List<JsonNode> found = new ArrayList<>();
        NotionClient notion = client.get();
        notion.forEachResult(notion.dataSources().primary(crm.databaseId()), body, found::add);
        if (found.size() > 1) {
            LOG.warn("The CRM holds {} pages with canonical key {}; using the oldest, {}", found.size(), key,
                    found.get(0).path("id").asText());
        }
        return found.stream().findFirst();
    }

    private List<String> typesOn(JsonNode page) {
        PageView view = PageReader.read(page);
        Object v = view.property(crm.signalTypes());
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    private static Instant lastEdited(JsonNode page) {
        try {
            return page.hasNonNull("last_edited_time") ? Instant.parse(page.get("last_edited_time").asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A page that was deleted (404) or moved to the trash (edits refused as archived). */
    static boolean isGone(NotionApiException e) {
        if (e instanceof NotionObjectNotFoundException) {
            return true;
        }
        String m = e.notionMessage() == null ? "" : e.notionMessage().toLowerCase(Locale.ROOT);
        return e instanceof NotionValidationException && (m.contains("archived") || m.contains("in trash"));
    }
}
