package io.notionbridge.sandbox.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.DatabaseRecord;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.SandboxIdentity;
import io.notionbridge.sandbox.model.SandboxUser;

/**
 * The sandbox's in-memory workspace: users, databases, data sources and pages. Every method holds the store's
 * monitor; callers that change a record they got from here do so inside {@link #write(Runnable)} or another
 * synchronized block on the store.
 */
public final class SandboxStore {

    private final SandboxIdentity identity;
    private final Map<String, SandboxUser> users = new LinkedHashMap<>();
    private final Map<String, DatabaseRecord> databases = new LinkedHashMap<>();
    private final Map<String, DataSourceRecord> dataSources = new LinkedHashMap<>();
    private final Map<String, PageRecord> pages = new LinkedHashMap<>();
    private long nextSeq = 1;

    public SandboxStore(SandboxIdentity identity) {
        this.identity = identity;
        addUser(SandboxUser.bot(identity.botId(), identity.botName()));
    }

    public SandboxIdentity identity() {
        return identity;
    }

    public SandboxUser bot() {
        return users.get(identity.botId());
    }

    /** Runs {@code change} holding the store's lock. */
    public synchronized void write(Runnable change) {
        change.run();
    }

    public synchronized long nextSeq() {
        return nextSeq++;
    }

    public synchronized void addUser(SandboxUser user) {
        users.put(user.id(), user);
    }

    public synchronized Optional<SandboxUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public synchronized List<SandboxUser> users() {
        return new ArrayList<>(users.values());
    }

    public synchronized void addDatabase(DatabaseRecord db) {
        databases.put(db.id, db);
    }

    public synchronized void addDataSource(DataSourceRecord ds) {
        dataSources.put(ds.id, ds);
        DatabaseRecord db = databases.get(ds.databaseId);
        if (db != null && !db.dataSourceIds.contains(ds.id)) {
            db.dataSourceIds.add(ds.id);
        }
    }

    public synchronized void addPage(PageRecord page) {
        pages.put(page.id, page);
    }

    public synchronized Optional<DatabaseRecord> database(String id) {
        return Optional.ofNullable(databases.get(id));
    }

    public synchronized Optional<DataSourceRecord> dataSource(String id) {
        return Optional.ofNullable(dataSources.get(id));
    }

    public synchronized Optional<PageRecord> page(String id) {
        return Optional.ofNullable(pages.get(id));
    }

    public synchronized List<DatabaseRecord> databases() {
        return new ArrayList<>(databases.values());
    }

    public synchronized List<DataSourceRecord> dataSources() {
        return new ArrayList<>(dataSources.values());
    }

    /** A snapshot of the pages that match {@code filter}, in insertion order. */
    public synchronized List<PageRecord> pages(Predicate<PageRecord> filter) {
        List<PageRecord> out = new ArrayList<>();
        for (PageRecord p : pages.values()) {
            if (filter.test(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The pages whose parent is the data source {@code dataSourceId}, in insertion order. */
    public List<PageRecord> pagesOf(String dataSourceId) {
        return pages(p -> p.inDataSource() && p.parent.id().equals(dataSourceId));
    }

    public synchronized int pageCount() {
        return pages.size();
    }

    /** Forgets every database, data source and page (users stay). */
    public synchronized void clear() {
        databases.clear();
        dataSources.clear();
        pages.clear();
    }
}
