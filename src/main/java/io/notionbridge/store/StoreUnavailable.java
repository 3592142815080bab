package io.notionbridge.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a store that cannot be reached right now (a later attempt may succeed) from other failures. Such a failure is
 * answered 503 {@code store_unavailable} with {@code Retry-After} on the HTTP API ({@code runtime.HttpErrors}), and a
 * connection that failed that way is dropped from the pool ({@link Database}). It is one of:
 * <ul>
 *   <li>the pool found no connection within {@code bridge.db.connection-timeout-ms} (HikariCP's
 *       {@link SQLTransientConnectionException});</li>
 *   <li>a driver's connection error: {@link SQLTransientConnectionException},
 *       {@link SQLNonTransientConnectionException}, {@link SQLRecoverableException}, or SQLState class {@code 08}
 *       (connection exception: refused, broken, reset);</li>
 *   <li>PostgreSQL shutting down or starting ({@code 57P01}, {@code 57P02}, {@code 57P03});</li>
 *   <li>H2 over TCP: connection broken ({@code 90067}), database closed ({@code 90098}) or shutting down
 *       ({@code 90121}).</li>
 * </ul>
 * A constraint violation, bad SQL or a lock timeout is not: retrying the same request would not help, or the store is
 * up.
 */
public final class StoreUnavailable {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "90067", "90098", "90121");
    private static final int MAX_DEPTH = 20;

    private StoreUnavailable() {
    }

    /** True when {@code t} or any exception in its cause chain says the store cannot be reached. */
    public static boolean causedBy(Throwable t) {
        Throwable e = t;
        for (int depth = 0; e != null && depth < MAX_DEPTH; depth++) {
            if (e instanceof SQLException sql && isConnectionFailure(sql)) {
                return true;
            }
            e = e.getCause() == e ? null : e.getCause();
        }
        return false;
    }

    /** True when {@code e} itself (or an exception chained to it with {@code setNextException}) is a connection failure. */
    public static boolean isConnectionFailure(SQLException e) {
        SQLException s = e;
        for (int depth = 0; s != null && depth < MAX_DEPTH; depth++) {
            if (s instanceof SQLTransientConnectionException || s instanceof SQLNonTransientConnectionException
                    || s instanceof SQLRecoverableException) {
                return true;
            }
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            s = s.getNextException() == s ? null : s.getNextException();
        }
        return false;
    }
}
