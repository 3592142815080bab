package io.notionbridge.ops;

/**
 * A job over JMX, object name {@code io.notionbridge:type=jobs,name=<job>}: the last run's statistics (the figures the
 * job's summary shows, as JSON), its counters, and operations to run it now, pause and resume it.
 */
public interface JobControlMBean {

    String getName();

    String getDescription();

    boolean isPaused();

    long getRuns();

    long getFailures();

    int getConsecutiveFailures();

    String getLastStartedAt();

    String getLastFinishedAt();

    String getLastOutcome();

    long getLastDurationMs();

    /** The last run's statistics as JSON ("{}" before the first run). */
    String getLastStatsJson();

    String getLastError();

    /** Runs the job now; answers its statistics as JSON. */
    String runNow();

    /** Runs the job now without writing anything; answers what it would do, as JSON. */
    String runDryRun();

    void pause() throws Exception;

    void resume() throws Exception;
}
