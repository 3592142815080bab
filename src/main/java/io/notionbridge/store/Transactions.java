package io.notionbridge.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one JDBC transaction so that the failure the caller sees is the one that broke it. When the store
 * drops a connection mid-transaction, the commit fails with a connection error and the pool closes that connection;
 * the rollback and the reset of auto-commit that follow then fail too ("Connection is closed"). Those later failures
 * are attached to the first as suppressed exceptions instead of replacing it, so the connection error still reaches
 * {@link StoreUnavailable} (and the caller gets 503 {@code store_unavailable}, not 500).
 */
public final class Transactions {

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Turns auto-commit off, runs {@code work}, commits and gives its result. On any failure the transaction is rolled
     * back and the first failure is thrown. Auto-commit is set back to what it was, unless the connection is closed.
     */
    public static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Throwable failure = null;
        try {
            T out = work.run(c);
            c.commit();
            return out;
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            rollback(c, e);
            throw e;
        } finally {
            restoreAutoCommit(c, autoCommit, failure);
        }
    }

    /**
     * Rolls back after {@code failure}; a rollback that fails too (the connection is gone) is attached to
     * {@code failure} as suppressed rather than thrown.
     */
    public static void rollback(Connection c, Throwable failure) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit, Throwable failure) throws SQLException {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }
}
