package io.notionbridge.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.notionbridge.store.Migrations;
import io.notionbridge.testing.TestDatabase;

/** A migrated store of the test's own (H2, or PostgreSQL with -Dtest.db.url), and small SQL helpers. */
public final class TaskStore implements AutoCloseable {

    private final TestDatabase db = TestDatabase.create();

    public TaskStore() {
        new Migrations(db.dataSource()).migrate();
    }

    public DataSource dataSource() {
        return db.dataSource();
    }

    /** A single number from {@code sql}. */
    public long count(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
