package io.notionbridge.sandbox.model;

/** Who the sandbox pretends to be: its workspace and the integration's bot user. Fixed, so tests can name them. */
public record SandboxIdentity(String workspaceId, String workspaceName, String botId, String botName, String integrationId) {

    public static final SandboxIdentity DEFAULT = new SandboxIdentity(
            "5a4d7c3e-1b2f-4e8a-9c6d-0f1e2d3c4b5a", "Notion Bridge Sandbox",
            "b07b0700-5a4d-4b0c-8e11-000000000b07", "Notion Bridge (sandbox)",
            "1a7e6a70-5a4d-4b0c-8e11-0000000001a7");
}
