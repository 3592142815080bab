package io.notionbridge.runtime;

import io.notionbridge.config.BridgeConfig;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * What every HTTP endpoint shares, on both ports: the {@code jsonContentType} check of JSON bodies, answers that never
 * echo request headers or query parameters ({@link ResponseHeaderFilter}), and JSON answers for what Vert.x refuses
 * before a route runs ({@link RouterErrorAnswers}: 404, 405, 413, 415, 400, 500).
 */
public class HttpConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        context.getRegistry().bind("jsonContentType", new JsonContentType());
        context.getComponent("platform-http", PlatformHttpComponent.class).setHeaderFilterStrategy(new ResponseHeaderFilter());
        Long maxBody = BridgeConfig.of(context).get("camel.server.max-body-size").map(Long::valueOf).orElse(null);
        context.addStartupListener((ctx, alreadyStarted) -> {
            for (VertxPlatformHttpRouter router : ctx.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
                RouterErrorAnswers.install(router, router.isManagementServer() ? null : maxBody);
            }
        });
    }
}
