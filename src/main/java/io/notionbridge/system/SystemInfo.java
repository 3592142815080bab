package io.notionbridge.system;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.notionbridge.cli.VersionProvider;
import io.notionbridge.store.Migrations;

/** What {@code GET /api/info} answers: the build, the profile and the store's schema version. */
public class SystemInfo {

    private final DataSource dataSource;
    private final String profile;

    public SystemInfo(DataSource dataSource, String profile) {
        this.dataSource = dataSource;
        this.profile = profile;
    }

    public Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "notion-bridge");
        m.put("version", VersionProvider.version());
        m.put("profile", profile == null ? "default" : profile);
        m.put("schemaVersion", new Migrations(dataSource).currentVersion());
        return m;
    }
}
