package io.notionbridge.sandbox.write;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.PageChange;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.SandboxUser;
import io.notionbridge.sandbox.store.SandboxStore;

/**
 * Creates and updates pages: validates the write against the schema, stamps minute-rounded times and the author,
 * and tells listeners (the webhook sender) what changed. Used by the API, the admin "edit as a person" calls and the
 * demo data.
 */
public final class PageService {

    /** A page update: each field null when the request leaves it alone. */
    public record Update(JsonNode properties, Boolean inTrash, JsonNode icon, JsonNode cover, Boolean isLocked,
                         Boolean isArchived) {
    }

    private final SandboxStore store;
    private final Clock clock;
    private final List<Consumer<PageChange>> listeners = new CopyOnWriteArrayList<>();

    public PageService(SandboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void onChange(Consumer<PageChange> listener) {
        listeners.add(listener);
    }

    /** Creates a page under {@code parent} now; {@code notify} false for seeding (no webhook events). */
    public PageRecord create(PageParent parent, JsonNode properties, JsonNode icon, JsonNode cover, SandboxUser author,
                             boolean notify) {
        return create(NotionIds.newId(), parent, properties, icon, cover, author, clock.instant(), notify);
    }

    /** Creates a page with a given id and creation time (demo data and seeding). */
    public PageRecord create(String id, PageParent parent, JsonNode properties, JsonNode icon, JsonNode cover,
                             SandboxUser author, java.time.Instant createdAt, boolean notify) {
        PageChange change;
        PageRecord page;
        synchronized (store) {
            DataSourceRecord ds = null;
            SchemaValidator.Result result;
            if (parent.kind() == PageParent.Kind.DATA_SOURCE) {
                ds = store.dataSource(parent.id()).orElseThrow(() -> notFound("data_source", parent.id()));
                result = SchemaValidator.validate(ds, properties);
            } else {
                if (parent.kind() == PageParent.Kind.PAGE) {
                    store.page(parent.id()).orElseThrow(() -> notFound("page", parent.id()));
                }
                result = SchemaValidator.validateStandalone(properties);
            }
            result.applySchemaChanges();
            if (store.page(id).isPresent()) {
                throw ApiError.validation("A page with ID " + id + " already exists.");
            }
            page = new PageRecord(id, store.nextSeq(), parent, NotionTime.toMinute(createdAt), author.id());
            page.values.putAll(result.values());
            page.icon = nullToNull(icon);
            page.cover = nullToNull(cover);
            if (ds != null) {
                assignUniqueIds(ds, page);
            }
            store.addPage(page);
            change = new PageChange(PageChange.Type.CREATED, page.id, parent, ds == null ? null : ds.databaseId,
                    List.of(), author, clock.instant());
        }
        if (notify) {
            publish(change);
        }
        return page;
    }

    /** Applies {@code update} to page {@code pageId} as {@code author}. */
    public PageRecord update(String pageId, Update update, SandboxUser author) {
        List<PageChange> changes = new ArrayList<>();
        PageRecord page;
        synchronized (store) {
            page = store.page(pageId).orElseThrow(() -> notFound("page", pageId));
            boolean untrashing = Boolean.FALSE.equals(update.inTrash());
            if (page.inTrash && !untrashing && (update.properties() != null || update.icon() != null
                    || update.cover() != null)) {
                throw ApiError.validation("Can't edit block that is archived. You must unarchive the block before editing.");
            }
            SchemaValidator.Result result = null;
            if (update.properties() != null) {
                result = page.inDataSource()
                        ? SchemaValidator.validate(store.dataSource(page.parent.id()).orElseThrow(), update.properties())
                        : SchemaValidator.validateStandalone(update.properties());
                result.applySchemaChanges();
            }
            String databaseId = page.inDataSource()
                    ? store.dataSource(page.parent.id()).map(d -> d.databaseId).orElse(null) : null;
            java.time.Instant now = clock.instant();
            boolean changed = false;
            if (update.inTrash() != null && update.inTrash() != page.inTrash) {
                page.inTrash = update.inTrash();
                changes.add(new PageChange(page.inTrash ? PageChange.Type.DELETED : PageChange.Type.UNDELETED, page.id,
                        page.parent, databaseId, List.of(), author, now));
                changed = true;
            }
            if (result != null && !result.values().isEmpty()) {
                page.values.putAll(result.values());
                changes.add(new PageChange(PageChange.Type.PROPERTIES_UPDATED, page.id, page.parent, databaseId,
                        List.copyOf(result.values().keySet()), author, now));
                changed = true;
            }
            if (update.icon() != null) {
                page.icon = nullToNull(update.icon());
                changed = true;
            }
            if (update.cover() != null) {
                page.cover = nullToNull(update.cover());
                changed = true;
            }
            if (update.isLocked() != null) {
                page.isLocked = update.isLocked();
                changed = true;
            }
            if (update.isArchived() != null) {
                page.isArchived = update.isArchived();
                changed = true;
            }
            if (changed) {
                page.lastEditedTime = NotionTime.toMinute(now);
                page.lastEditedBy = author.id();
            }
        }
        changes.forEach(this::publish);
        return page;
    }

    private void publish(PageChange change) {
        for (Consumer<PageChange> l : listeners) {
            l.accept(change);
        }
    }

    private void assignUniqueIds(DataSourceRecord ds, PageRecord page) {
        for (Map.Entry<String, ObjectNode> e : ds.properties.entrySet()) {
            if ("unique_id".equals(e.getValue().path("type").asText())) {
                long n = ds.uniqueIdCounters.merge(e.getKey(), 1L, Long::sum);
                ObjectNode v = Json.object();
                JsonNode prefix = e.getValue().path("unique_id").path("prefix");
                v.set("prefix", prefix.isMissingNode() ? Json.NODES.nullNode() : prefix);
                v.put("number", n);
                page.values.put(e.getKey(), v);
            }
        }
    }

    private static JsonNode nullToNull(JsonNode n) {
        return n == null || n.isMissingNode() ? Json.NODES.nullNode() : n;
    }

    private ApiError notFound(String kind, String id) {
        return ApiError.notFound(kind, id, store.identity().botName(), store.identity().integrationId());
    }
}
