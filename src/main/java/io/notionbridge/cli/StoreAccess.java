package io.notionbridge.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.store.Database;
import io.notionbridge.store.DatabaseSettings;
import io.notionbridge.store.Migrations;

/** The store as a CLI command uses it: opened from the configuration, closed when the command ends. */
public final class StoreAccess implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;

    private StoreAccess(DatabaseSettings settings) {
        this.settings = settings;
        this.dataSource = Database.open(settings);
    }

    public static StoreAccess open(BridgeConfig config) {
        return new StoreAccess(DatabaseSettings.from(config));
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Migrations migrations() {
        return new Migrations(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
