package io.notionbridge.store;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Makes the pool close a connection that failed with a connection error ({@link StoreUnavailable}) instead of handing
 * it out again. HikariCP does that by itself for SQLState class {@code 08} (PostgreSQL), but not for H2 over TCP,
 * whose broken connections say {@code 90067}: under steady load such a connection would be reused, and fail, long
 * after the database is back.
 */
final class ConnectionLossEviction implements SQLExceptionOverride {

    // no @Override annotation: inside this type, Override names SQLExceptionOverride.Override
    public Override adjudicate(SQLException e) {
        return StoreUnavailable.isConnectionFailure(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
