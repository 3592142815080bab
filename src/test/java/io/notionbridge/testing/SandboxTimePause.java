package io.notionbridge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.notionbridge.gateway.GatewayConfiguration;
import io.notionbridge.gateway.NotionTrafficPause;
import io.notionbridge.notion.NotionClock;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxClock;
import io.notionbridge.sandbox.SandboxConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * The gateway's shared pause on the embedded sandbox's clock: it reads "now" from the sandbox clock, and "sleeping"
 * moves that clock forward instead of waiting. With the sandbox clock frozen, a {@code Retry-After: 120} is honoured in
 * sandbox time (the sandbox's request log records each request's arrival by that clock, so a test can check that no
 * request arrived during a pause) without 120 s of wall time. A sleep never moves the clock past the pause's end, so
 * callers waiting together resume together, as they would in real time. The sandbox clock must be frozen.
 */
public final class SandboxTimePause {

    /** The gateway's route of one attempt: its exchanges are waiting in the pause or on their way to Notion. */
    static final String ATTEMPT_ROUTE = "notion-gateway-attempt";
    /** How long a sleep waits, at most, for requests already on their way to Notion. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(5);

    private SandboxTimePause() {
    }

    /**
     * A pause on {@code clock} (looked up on every use, since the sandbox starts after the gateway's beans). Before
     * moving the clock, a sleep lets the requests that passed the pause's gate before it started ({@code sending}:
     * attempts in flight that are not waiting in the pause) reach Notion, as they would within milliseconds in real
     * time; otherwise they would arrive stamped with a time inside the pause.
     */
    public static NotionTrafficPause on(Supplier<SandboxClock> clock, IntSupplier inGateway) {
        Clock time = new NotionClock(clock::get); // the sandbox's clock, asked for on every call
        AtomicReference<NotionTrafficPause> self = new AtomicReference<>();
        NotionTrafficPause pause = new NotionTrafficPause(time, d -> {
            long deadline = System.nanoTime() + IN_FLIGHT_GRACE.toNanos();
            while (inGateway.getAsInt() - self.get().waiting() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(200_000);
            }
            // never past the pause's end: a caller still sleeping out an earlier, shorter wait must not move the clock
            // beyond the moment the others resume (in real time they would all wake within milliseconds)
            synchronized (self) {
                Instant now = clock.get().instant();
                Instant target = now.plus(d);
                Instant until = self.get().pausedUntil();
                if (target.isAfter(until)) {
                    target = until;
                }
                if (target.isAfter(now)) {
                    clock.get().set(target);
                }
            }
        });
        self.set(pause);
        return pause;
    }

    /**
     * A configuration that binds such a pause as {@code notionTrafficPause}; add it in
     * {@code configure(MainConfigurationProperties)}, so it runs before the package-scanned {@link GatewayConfiguration}
     * (which uses a pause already bound). It is a dynamic proxy, not a class: Camel Main instantiates every
     * {@link CamelConfiguration} class it finds under {@code io.notionbridge}, test classes included, and this one must
     * only run where a test asks for it.
     */
    public static CamelConfiguration configuration() {
        return (CamelConfiguration) java.lang.reflect.Proxy.newProxyInstance(SandboxTimePause.class.getClassLoader(),
                new Class<?>[] {CamelConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("configure") && args != null && args.length == 1) {
                        CamelContext context = (CamelContext) args[0];
                        context.getRegistry().bind(GatewayConfiguration.PAUSE_BEAN, on(() -> context.getRegistry()
                                .lookupByNameAndType(SandboxConfiguration.SANDBOX_BEAN, NotionSandbox.class).clock(),
                                () -> context.getInflightRepository().size(ATTEMPT_ROUTE)));
                        return null;
                    }
                    return switch (method.getName()) {
                        case "toString" -> "SandboxTimePause.configuration()";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
