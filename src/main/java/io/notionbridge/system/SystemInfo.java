package io.notionbridge.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.notionbridge.cli.VersionProvider;
import io.notionbridge.store.Migrations;

/**
 * What {@code GET /api/info} answers: the build, the profile, the store's schema version and this instance's place in
 * the cluster (node, role: leader or stand-by).
 */
public class SystemInfo {

    private final DataSource dataSource;
    private final String profile;
    private final Supplier<Map<String, Object>> cluster;

    public SystemInfo(DataSource dataSource, String profile) {
        this(dataSource, profile, Map::of);
    }

    public SystemInfo(DataSource dataSource, String profile, Supplier<Map<String, Object>> cluster) {
        this.dataSource = dataSource;
        this.profile = profile;
        this.cluster = cluster;
    }

    public Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "notion-bridge");
        m.put("version", VersionProvider.version());
        m.put("profile", profile == null ? "default" : profile);
        m.put("schemaVersion", new Migrations(dataSource).currentVersion());
        Map<String, Object> c = cluster.get();
        if (!c.isEmpty()) {
            m.put("cluster", c);
        }
        return m;
    }
}
