package io.notionbridge.sandbox.http;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.SandboxUser;
import io.notionbridge.sandbox.query.CursorCodec;
import io.notionbridge.sandbox.query.Paginator;
import io.notionbridge.sandbox.render.UserRenderer;

/** {@code GET /v1/users/me} (the bot, the usual health check), {@code GET /v1/users}, {@code GET /v1/users/{id}}. */
final class UsersApi {

    private final SandboxServices s;

    UsersApi(SandboxServices services) {
        this.s = services;
    }

    void register(ApiRoutes routes) {
        routes.get("/v1/users/me", r -> UserRenderer.user(s.store().bot(), s.store().identity()));
        routes.get("/v1/users", this::list);
        routes.get("/v1/users/:id", r -> {
            String id = r.id("id", "user_id");
            SandboxUser u = s.store().user(id).orElseThrow(() -> ApiError.notFound("user", id,
                    s.store().identity().botName(), s.store().identity().integrationId()));
            return UserRenderer.user(u, s.store().identity());
        });
    }

    private ObjectNode list(ApiRequest r) {
        List<SandboxUser> users = s.store().users();
        int size = Paginator.pageSize(r.query("page_size") == null ? null : Json.NODES.textNode(r.query("page_size")),
                "query");
        Paginator.Slice<SandboxUser> slice = Paginator.slice(users, size, r.query("start_cursor"),
                CursorCodec.fingerprint("users"), Integer.MAX_VALUE, "query");
        ObjectNode out = ListEnvelope.start();
        slice.results().forEach(u -> out.withArray("results").add(UserRenderer.user(u, s.store().identity())));
        return ListEnvelope.finish(out, slice, "user");
    }
}
