package io.notionbridge.sandbox.model;

/** A user of the sandbox workspace: the integration's bot or a person. */
public record SandboxUser(String id, String name, boolean bot, String email) {

    public static SandboxUser person(String id, String name, String email) {
        return new SandboxUser(id, name, false, email);
    }

    public static SandboxUser bot(String id, String name) {
        return new SandboxUser(id, name, true, null);
    }

    public String type() {
        return bot ? "bot" : "person";
    }
}
