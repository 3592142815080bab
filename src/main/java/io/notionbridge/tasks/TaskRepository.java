package io.notionbridge.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.notionbridge.store.Transactions;

/**
 * The {@code tasks} table. Every write adds one to the row's {@code version}; writes that depend on what was read
 * are conditional on that version (or on the status), so concurrent writers never overwrite each other silently: the
 * loser gets {@code false} and re-reads. Same SQL on H2 and PostgreSQL, except the claim, which uses
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL.
 */
public class TaskRepository {

    /** A task with this Notion page id exists already (a concurrent insert won). */
    public static class DuplicatePageException extends RuntimeException {
        public DuplicatePageException(String pageId) {
            super("a task for Notion page " + pageId + " exists already");
        }
    }

    private static final String COLUMNS = "id, title, channel, topic, story_direction, status, priority, notion_page_id, "
            + "notion_status, notion_priority, deleted_in_notion, validation_error, claimed_by, claimed_at, created_at, "
            + "updated_at, changed_at, pushed_at, push_attempts, push_error, notion_event_time, review_note, reviewed_by, "
            + "reviewed_at, version";
    private static final String CLAIM_ORDER = " ORDER BY CASE priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END,"
            + " changed_at, id";
    private static final int MAX_ERROR = 4000;

    private final DataSource dataSource;
    private final Clock clock;
    private volatile Boolean postgres;

    public TaskRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Optional<Task> find(long id) {
        return one("SELECT " + COLUMNS + " FROM tasks WHERE id = ?", id);
    }

    public Optional<Task> findByPageId(String pageId) {
        return one("SELECT " + COLUMNS + " FROM tasks WHERE notion_page_id = ?", pageId);
    }

    /** Tasks in id order, filtered by status and channel when given. */
    public List<Task> list(TaskState status, String channel, int limit, long afterId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tasks WHERE id > ?");
        List<Object> args = new ArrayList<>();
        args.add(afterId);
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.dbValue());
        }
        if (channel != null) {
            sql.append(" AND channel = ?");
            args.add(channel);
        }
        sql.append(" ORDER BY id LIMIT ").append(Math.max(1, Math.min(1000, limit)));
        return many(sql.toString(), args.toArray());
    }

    /**
     * Inserts the task of a page seen for the first time.
     *
     * @throws DuplicatePageException when another writer inserted it first
     */
    public long insertFromNotion(String pageId, TaskMerge.Result r, Instant eventTime) {
        Instant now = now();
        String sql = "INSERT INTO tasks (title, channel, topic, story_direction, status, priority, notion_page_id, "
                + "notion_status, notion_priority, deleted_in_notion, validation_error, created_at, updated_at, changed_at, "
                + "pushed_at, notion_event_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = values(ps, 1, r);
            ps.setString(i++, pageId);
            ps.setString(i++, r.notionStatus());
            ps.setString(i++, r.notionPriority());
            ps.setString(i++, r.validationError());
            StoreTimes.set(ps, i++, now);
            StoreTimes.set(ps, i++, now);
            StoreTimes.set(ps, i++, now);
            StoreTimes.set(ps, i++, r.needsPush() ? null : now);
            StoreTimes.set(ps, i, eventTime);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new DuplicatePageException(pageId);
            }
            throw failed("insert the task of page " + pageId, e);
        }
    }

    /**
     * Applies a merge to {@code existing}, if nobody wrote the row since it was read. The task is marked changed when
     * Notion must be written; when Notion already shows its status and priority it counts as pushed.
     */
    public boolean updateFromNotion(Task existing, TaskMerge.Result r, Instant eventTime) {
        Instant now = now();
        String sql = "UPDATE tasks SET title = ?, channel = ?, topic = ?, story_direction = ?, status = ?, priority = ?, "
                + "notion_status = ?, notion_priority = ?, validation_error = ?, deleted_in_notion = FALSE, "
                + "claimed_by = ?, claimed_at = ?, updated_at = ?, changed_at = ?, pushed_at = ?, notion_event_time = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = values(ps, 1, r);
            ps.setString(i++, r.notionStatus());
            ps.setString(i++, r.notionPriority());
            ps.setString(i++, r.validationError());
            ps.setString(i++, r.clearClaim() ? null : existing.claimedBy());
            StoreTimes.set(ps, i++, r.clearClaim() ? null : existing.claimedAt());
            StoreTimes.set(ps, i++, now);
            StoreTimes.set(ps, i++, r.needsPush() ? now : existing.changedAt());
            StoreTimes.set(ps, i++, r.needsPush() ? existing.pushedAt() : now);
            StoreTimes.set(ps, i++, latest(existing.notionEventTime(), eventTime));
            ps.setLong(i++, existing.id());
            ps.setLong(i, existing.version());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("update task " + existing.id(), e);
        }
    }

    /** Marks the task's page as deleted (or back) in Notion, if nobody wrote the row since it was read. */
    public boolean markDeleted(Task existing, boolean deleted, Instant eventTime) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE tasks SET deleted_in_notion = ?, updated_at = ?, "
                     + "notion_event_time = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            ps.setBoolean(1, deleted);
            StoreTimes.set(ps, 2, now());
            StoreTimes.set(ps, 3, latest(existing.notionEventTime(), eventTime));
            ps.setLong(4, existing.id());
            ps.setLong(5, existing.version());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("mark task " + existing.id() + " deleted", e);
        }
    }

    /**
     * Moves {@code t} to {@code to} if nobody wrote the row since it was read: the database change Notion will be
     * shown by the poller. A worker's claim is set when given, cleared when the task goes back to draft or pending; a
     * review note is recorded when given.
     */
    public boolean transition(Task t, TaskState to, String worker, String reviewer, String reviewNote) {
        Instant now = now();
        boolean release = to == TaskState.DRAFT || to == TaskState.PENDING;
        String claimedBy = release ? null : worker != null ? worker : t.claimedBy();
        Instant claimedAt = release ? null : worker != null ? now : t.claimedAt();
        boolean review = reviewer != null || reviewNote != null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE tasks SET status = ?, claimed_by = ?, claimed_at = ?, "
                     + "review_note = ?, reviewed_by = ?, reviewed_at = ?, updated_at = ?, changed_at = ?, "
                     + "version = version + 1 WHERE id = ? AND version = ?")) {
            ps.setString(1, to.dbValue());
            ps.setString(2, claimedBy);
            StoreTimes.set(ps, 3, claimedAt);
            ps.setString(4, review ? reviewNote : t.reviewNote());
            ps.setString(5, review ? reviewer : t.reviewedBy());
            StoreTimes.set(ps, 6, review ? now : t.reviewedAt());
            StoreTimes.set(ps, 7, now);
            StoreTimes.set(ps, 8, now);
            ps.setLong(9, t.id());
            ps.setLong(10, t.version());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("move task " + t.id() + " to " + to.dbValue(), e);
        }
    }

    /** Sets the priority if nobody wrote the row since it was read. */
    public boolean setPriority(Task t, TaskPriority priority) {
        Instant now = now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE tasks SET priority = ?, updated_at = ?, changed_at = ?, "
                     + "version = version + 1 WHERE id = ? AND version = ?")) {
            ps.setString(1, priority.dbValue());
            StoreTimes.set(ps, 2, now);
            StoreTimes.set(ps, 3, now);
            ps.setLong(4, t.id());
            ps.setLong(5, t.version());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("set the priority of task " + t.id(), e);
        }
    }

    /**
     * Gives the next claimable task (pending, or retry; high priority first, then the longest waiting) to
     * {@code worker}, moving it to processing. Safe with concurrent workers: on PostgreSQL the candidate row is locked
     * with {@code FOR UPDATE SKIP LOCKED}; everywhere the move is a conditional update ({@code WHERE id = ? AND
     * status = ?}) and a lost race tries the next candidate.
     *
     * @param channel only tasks of this channel; null for any
     */
    public Optional<Task> claimNext(String worker, String channel) {
        try (Connection c = dataSource.getConnection()) {
            boolean pg = isPostgres(c);
            for (int round = 0; round < 20; round++) {
                List<Long> candidates = new ArrayList<>();
                boolean autoCommit = c.getAutoCommit();
                if (pg) {
                    c.setAutoCommit(false);
                }
                try {
                    String sql = "SELECT id, status FROM tasks WHERE status IN ('pending', 'retry') AND deleted_in_notion = FALSE"
                            + (channel == null ? "" : " AND channel = ?") + CLAIM_ORDER
                            + (pg ? " LIMIT 1 FOR UPDATE SKIP LOCKED" : " LIMIT 5");
                    List<String> statuses = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        if (channel != null) {
                            ps.setString(1, channel);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                candidates.add(rs.getLong(1));
                                statuses.add(rs.getString(2));
                            }
                        }
                    }
                    for (int k = 0; k < candidates.size(); k++) {
                        long id = candidates.get(k);
                        if (claim(c, id, statuses.get(k), worker)) {
                            if (pg) {
                                c.commit();
                            }
                            List<Task> claimed = many(c, "SELECT " + COLUMNS + " FROM tasks WHERE id = ?", id);
                            return claimed.stream().findFirst();
                        }
                    }
                    if (pg) {
                        c.commit();
                    }
                } catch (SQLException | RuntimeException e) {
                    if (pg) {
                        Transactions.rollback(c, e);
                    }
                    throw e;
                } finally {
                    if (pg && !c.isClosed()) {
                        c.setAutoCommit(autoCommit);
                    }
                }
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw failed("claim a task for " + worker, e);
        }
    }

    private boolean claim(Connection c, long id, String fromStatus, String worker) throws SQLException {
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET status = 'processing', claimed_by = ?, "
                + "claimed_at = ?, updated_at = ?, changed_at = ?, version = version + 1 WHERE id = ? AND status = ? "
                + "AND deleted_in_notion = FALSE")) {
            ps.setString(1, worker);
            StoreTimes.set(ps, 2, now);
            StoreTimes.set(ps, 3, now);
            StoreTimes.set(ps, 4, now);
            ps.setLong(5, id);
            ps.setString(6, fromStatus);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Tasks whose Status and Priority Notion must be shown: changed since their last push (or never pushed), with a
     * page, not deleted in Notion; the oldest change first.
     */
    public List<Task> pushCandidates(int limit) {
        return many("SELECT " + COLUMNS + " FROM tasks WHERE notion_page_id IS NOT NULL AND deleted_in_notion = FALSE "
                + "AND (pushed_at IS NULL OR changed_at > pushed_at) ORDER BY changed_at, id LIMIT "
                + Math.max(1, limit));
    }

    /**
     * Records that Notion now shows {@code notionStatus} and {@code notionPriority} (the new baseline). The push
     * time is recorded only while the task still has the status and priority that were written; a change made during
     * the write stays due for the next cycle.
     */
    public void pushed(Task t, String notionStatus, String notionPriority) {
        Instant now = now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE tasks SET notion_status = ?, notion_priority = ?, "
                     + "push_error = NULL, push_attempts = 0, pushed_at = CASE WHEN status = ? AND priority = ? THEN ? "
                     + "ELSE pushed_at END, version = version + 1 WHERE id = ?")) {
            ps.setString(1, notionStatus);
            ps.setString(2, notionPriority);
            ps.setString(3, t.status().dbValue());
            ps.setString(4, t.priority().dbValue());
            StoreTimes.set(ps, 5, now);
            ps.setLong(6, t.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("record the push of task " + t.id(), e);
        }
    }

    /** Records a failed push; the task stays due and is retried next cycle. */
    public void pushFailed(long id, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE tasks SET push_error = ?, push_attempts = push_attempts + 1 "
                     + "WHERE id = ?")) {
            ps.setString(1, error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("record the failed push of task " + id, e);
        }
    }

    private static int values(PreparedStatement ps, int i, TaskMerge.Result r) throws SQLException {
        ps.setString(i++, r.title());
        ps.setString(i++, r.channel());
        ps.setString(i++, r.topic());
        ps.setString(i++, r.storyDirection());
        ps.setString(i++, r.status().dbValue());
        ps.setString(i++, r.priority().dbValue());
        return i;
    }

    private Optional<Task> one(String sql, Object... args) {
        List<Task> rows = many(sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Task> many(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return many(c, sql, args);
        } catch (SQLException e) {
            throw failed("read tasks", e);
        }
    }

    private static List<Task> many(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            List<Task> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    private static Task row(ResultSet rs) throws SQLException {
        return new Task(rs.getLong("id"), rs.getString("title"), rs.getString("channel"), rs.getString("topic"),
                rs.getString("story_direction"), TaskState.fromDb(rs.getString("status")),
                TaskPriority.parse(rs.getString("priority")).orElse(TaskPriority.DEFAULT), rs.getString("notion_page_id"),
                rs.getString("notion_status"), rs.getString("notion_priority"), rs.getBoolean("deleted_in_notion"),
                rs.getString("validation_error"), rs.getString("claimed_by"), StoreTimes.get(rs, "claimed_at"),
                StoreTimes.get(rs, "created_at"), StoreTimes.get(rs, "updated_at"), StoreTimes.get(rs, "changed_at"), StoreTimes.get(rs, "pushed_at"),
                rs.getInt("push_attempts"), rs.getString("push_error"), StoreTimes.get(rs, "notion_event_time"),
                rs.getString("review_note"), rs.getString("reviewed_by"), StoreTimes.get(rs, "reviewed_at"), rs.getLong("version"));
    }

    private boolean isPostgres(Connection c) throws SQLException {
        if (postgres == null) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        return postgres;
    }

    private Instant now() {
        return clock.instant();
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
