package io.notionbridge.cluster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.notionbridge.config.BridgeException;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;

/** Creates the cluster service {@link ClusterSettings#service()} names. */
public final class ClusterServices {

    /** The Kubernetes Lease service; on the class path only in a build with {@code -Pkubernetes}. */
    static final String KUBERNETES_CLASS = "org.apache.camel.component.kubernetes.cluster.KubernetesClusterService";

    private ClusterServices() {
    }

    public static CamelClusterService create(ClusterSettings s, CamelContext context) {
        return switch (s.service()) {
            case ClusterSettings.FILE -> file(s);
            case ClusterSettings.KUBERNETES -> kubernetes(s, context);
            default -> new StandaloneClusterService(s.nodeId());
        };
    }

    static FileLockClusterService file(ClusterSettings s) {
        FileLockClusterService cs = new FileLockClusterService();
        cs.setId(s.nodeId());
        cs.setRoot(Path.of(s.root()).toAbsolutePath().toString());
        // the setters without a unit are not milliseconds: always pass the unit
        cs.setAcquireLockDelay(s.lockInterval().toMillis(), TimeUnit.MILLISECONDS);
        cs.setAcquireLockInterval(s.lockInterval().toMillis(), TimeUnit.MILLISECONDS);
        cs.setHeartbeatTimeoutMultiplier(s.heartbeatTimeout());
        return cs;
    }

    static CamelClusterService kubernetes(ClusterSettings s, CamelContext context) {
        Class<?> type;
        try {
            type = Class.forName(KUBERNETES_CLASS, true, ClusterServices.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new BridgeException("bridge.cluster.service=kubernetes needs the Kubernetes cluster service, which this "
                    + "jar does not contain: build it with `mvn -Pkubernetes -DskipTests package` (see docs/reliability.md)");
        }
        try {
            CamelClusterService cs = (CamelClusterService) type.getDeclaredConstructor().newInstance();
            Map<String, Object> options = new HashMap<>();
            options.put("leaseResourceType", "Lease");
            options.put("podName", s.nodeId());
            s.kubernetes().forEach((k, v) -> options.put(StringHelper.dashToCamelCase(k), v));
            PropertyBindingSupport.build().withReflection(true).withIgnoreCase(true).withMandatory(true)
                    .bind(context, cs, options);
            cs.setId(s.nodeId());
            return cs;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new BridgeException("cannot configure the Kubernetes cluster service from bridge.cluster.kubernetes.*: "
                    + e.getMessage(), 1, e);
        }
    }
}
