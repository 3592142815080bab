package io.notionbridge.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxConfiguration;
import io.notionbridge.testing.BridgeRouteTestSupport;
import io.notionbridge.testing.TestDatabase;

/**
 * Route tests of the warehouse sync: the runtime with the embedded sandbox (no rate limit), timers off, and the bronze
 * table in a schema of the test's own ({@code bronze} on H2; a throwaway schema on PostgreSQL, dropped afterwards).
 */
abstract class WarehouseRouteTestSupport extends BridgeRouteTestSupport {

    protected final String schema = TestDatabase.onPostgres()
            ? "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) : "bronze";

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "1000");
        p.setProperty("bridge.warehouse.target.schema", schema);
        warehouseProperties(p);
    }

    /** Properties this test adds. */
    protected void warehouseProperties(Properties p) {
    }

    @Override
    protected void cleanupResources() throws Exception {
        if (db != null && TestDatabase.onPostgres()) {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        super.cleanupResources();
    }

    protected NotionSandbox sandbox() {
        return context.getRegistry().lookupByNameAndType(SandboxConfiguration.SANDBOX_BEAN, NotionSandbox.class);
    }

    protected NotionClient notion() {
        return context.getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
    }

    protected WarehouseSyncJob job() {
        return context.getRegistry().lookupByNameAndType(WarehouseConfiguration.JOB_BEAN, WarehouseSyncJob.class);
    }

    protected String table() {
        return schema + "." + WarehouseSettings.TABLE;
    }

    /** Runs {@code direct:warehouse-sync} once, as the CLI does. */
    protected WarehouseSyncReport sync(String database, boolean fullRefresh) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("fullRefresh", fullRefresh);
        if (database != null) {
            headers.put("database", database);
        }
        return template.requestBodyAndHeaders("direct:warehouse-sync", null, headers, WarehouseSyncReport.class);
    }

    /** One bronze row as a map of column → value (JSON columns parsed). */
    protected Map<String, Object> row(String pageId) throws SQLException {
        List<Map<String, Object>> rows = rows("page_id = ?", pageId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    protected List<Map<String, Object>> rows(String where, Object... params) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table() + (where == null ? "" : " WHERE " + where)
                     + " ORDER BY database_name, page_id")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String col = rs.getMetaData().getColumnLabel(i).toLowerCase();
                        Object v = col.endsWith("_json") || col.equals("completed_properties")
                                ? json(rs.getString(i)) : rs.getObject(i);
                        m.put(col, v);
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }

    protected long count(String where, Object... params) throws SQLException {
        return rows(where, params).size();
    }

    private static JsonNode json(String s) {
        try {
            return s == null ? null : NotionJson.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
