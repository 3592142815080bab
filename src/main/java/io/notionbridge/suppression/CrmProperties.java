package io.notionbridge.suppression;

import io.notionbridge.config.BridgeConfig;

/** Names of the CRM database's properties the bridge reads (configurable: {@code bridge.crm.property.*}). */
public record CrmProperties(String name, String canonicalKey, String website, String status, String location) {

    public static CrmProperties from(BridgeConfig c) {
        return new CrmProperties(
                c.get("bridge.crm.property.name", "Name"),
                c.get("bridge.crm.property.canonical-key", "Canonical Key"),
                c.get("bridge.crm.property.website", "Website"),
                c.get("bridge.crm.property.status", "Status"),
                c.get("bridge.crm.property.location", "Location"));
    }
}
