package io.notionbridge.suppression;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;

/** The suppression sync's settings: which CRM, its property names, and how long entries live. */
public record SuppressionSettings(String crmDatabaseId, CrmProperties properties, int ttlDays) {

    public static SuppressionSettings from(BridgeConfig c) {
        String db = c.get("bridge.crm.database-id").orElseThrow(() -> new BridgeException(
                "bridge.crm.database-id is not set: set BRIDGE_CRM_DATABASE_ID to the Notion database id of the CRM"));
        int ttl = c.getInt("bridge.suppression.ttl-days", 7);
        if (ttl < 1) {
            throw new BridgeException("bridge.suppression.ttl-days must be at least 1, got " + ttl);
        }
        return new SuppressionSettings(db, CrmProperties.from(c), ttl);
    }
}
