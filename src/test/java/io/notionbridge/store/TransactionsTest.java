package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    /**
     * A connection as HikariCP hands it out when the store drops it during a commit: the commit fails with a
     * connection error (SQLState 08006), after which the pool has closed it and every further call fails with a plain
     * "Connection is closed" that names no connection problem.
     */
    private static final class DroppedOnCommit {
        final List<String> calls = new ArrayList<>();
        final AtomicBoolean broken = new AtomicBoolean();
        final AtomicBoolean reportsClosed;

        DroppedOnCommit(boolean reportsClosed) {
            this.reportsClosed = new AtomicBoolean(reportsClosed);
        }

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        calls.add(method.getName());
                        switch (method.getName()) {
                            case "isClosed":
                                return broken.get() && reportsClosed.get();
                            case "getAutoCommit":
                                return true;
                            case "commit":
                                broken.set(true);
                                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                            default:
                                if (broken.get()) {
                                    throw new SQLException("Connection is closed");
                                }
                                return null;
                        }
                    });
        }
    }

    @Test
    void aConnectionLostAtCommitIsTheFailureThrownNotTheClosedConnectionAfterIt() {
        DroppedOnCommit dropped = new DroppedOnCommit(false);

        assertThatThrownBy(() -> Transactions.inTransaction(dropped.connection(), c -> "stored"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("I/O error")
                .satisfies(e -> {
                    assertThat(((SQLException) e).getSQLState()).isEqualTo("08006");
                    assertThat(StoreUnavailable.causedBy(e)).isTrue();
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                            .containsExactly("Connection is closed", "Connection is closed");
                });
        assertThat(dropped.calls).containsSubsequence("setAutoCommit", "commit", "rollback", "setAutoCommit");
    }

    @Test
    void aClosedConnectionIsNeitherRolledBackNorReset() {
        DroppedOnCommit dropped = new DroppedOnCommit(true);

        assertThatThrownBy(() -> Transactions.inTransaction(dropped.connection(), c -> "stored"))
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
        assertThat(dropped.calls.subList(dropped.calls.indexOf("commit"), dropped.calls.size()))
                .doesNotContain("rollback", "setAutoCommit");
    }

    @Test
    void workThatFailsIsRolledBackAndItsOwnFailureIsThrown() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:transactions-test;DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE t (v INT PRIMARY KEY)");
            assertThatThrownBy(() -> Transactions.inTransaction(c, tx -> {
                tx.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
                throw new IllegalArgumentException("bad row");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad row");

            assertThat(c.getAutoCommit()).isTrue();
            var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t");
            rs.next();
            assertThat(rs.getInt(1)).isZero();

            int inserted = Transactions.inTransaction(c, tx -> tx.createStatement().executeUpdate("INSERT INTO t VALUES (2)"));
            assertThat(inserted).isEqualTo(1);
            assertThat(c.getAutoCommit()).isTrue();
            rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
