package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.junit.jupiter.api.Test;

/** Which failures mean "the store cannot be reached right now", wherever they sit in the cause chain. */
class StoreUnavailableTest {

    @Test
    void hikarisPoolTimeoutWrappedByTheStoreCodeIsStoreUnavailable() {
        SQLException pool = new SQLTransientConnectionException("bridge-store - Connection is not available, request "
                + "timed out after 3000ms", "08001", new java.net.ConnectException("Connection refused"));
        assertThat(StoreUnavailable.causedBy(new IllegalStateException("cannot store webhook event e1", pool))).isTrue();
        assertThat(StoreUnavailable.causedBy(new RuntimeException("route", new IllegalStateException("x", pool)))).isTrue();
    }

    @Test
    void postgresConnectionErrorsAndShutdownsAreStoreUnavailable() {
        assertThat(StoreUnavailable.causedBy(new SQLException("An I/O error occurred while sending to the backend.",
                "08006"))).isTrue();
        assertThat(StoreUnavailable.causedBy(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"))).isTrue();
        assertThat(StoreUnavailable.causedBy(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(StoreUnavailable.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void h2OverTcpConnectionLossIsStoreUnavailable() {
        assertThat(StoreUnavailable.causedBy(new SQLException("Connection is broken: \"session closed\"", "90067", 90067)))
                .isTrue();
        assertThat(StoreUnavailable.causedBy(new SQLException("Database is already closed", "90121", 90121))).isTrue();
        assertThat(StoreUnavailable.causedBy(new SQLNonTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void aConnectionErrorChainedAsNextExceptionCounts() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "22000");
        batch.setNextException(new SQLException("An I/O error occurred", "08006"));
        assertThat(StoreUnavailable.causedBy(batch)).isTrue();
    }

    @Test
    void constraintViolationsBadSqlAndNonSqlFailuresAreNot() {
        assertThat(StoreUnavailable.causedBy(new SQLIntegrityConstraintViolationException("duplicate key", "23505")))
                .isFalse();
        assertThat(StoreUnavailable.causedBy(new SQLSyntaxErrorException("syntax error", "42601"))).isFalse();
        assertThat(StoreUnavailable.causedBy(new SQLException("lock timeout", "HYT00", 50200))).isFalse();
        assertThat(StoreUnavailable.causedBy(new IllegalStateException("boom"))).isFalse();
        assertThat(StoreUnavailable.causedBy(null)).isFalse();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(StoreUnavailable.causedBy(b)).isFalse();
    }

    @Test
    void thePoolDropsAConnectionThatFailedWithAConnectionError() {
        ConnectionLossEviction eviction = new ConnectionLossEviction();
        assertThat(eviction.adjudicate(new SQLException("Connection is broken", "90067", 90067)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLException("duplicate key", "23505")))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }
}
