package io.notionbridge.sandbox.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.SandboxIdentity;
import io.notionbridge.sandbox.model.SandboxUser;

/** User objects: the bot of {@code /v1/users/me} and the full users in people properties. */
public final class UserRenderer {

    private UserRenderer() {
    }

    public static ObjectNode user(SandboxUser u, SandboxIdentity identity) {
        ObjectNode o = Json.object();
        o.put("object", "user");
        o.put("id", u.id());
        o.put("name", u.name());
        o.putNull("avatar_url");
        o.put("type", u.type());
        if (u.bot()) {
            ObjectNode bot = o.putObject("bot");
            ObjectNode owner = bot.putObject("owner");
            owner.put("type", "workspace");
            owner.put("workspace", true);
            bot.put("workspace_name", identity.workspaceName());
            bot.put("workspace_id", identity.workspaceId());
            bot.putObject("workspace_limits").put("max_file_upload_size_in_bytes", 5_242_880);
        } else {
            o.putObject("person").put("email", u.email());
        }
        return o;
    }
}
