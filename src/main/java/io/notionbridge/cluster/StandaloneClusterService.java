package io.notionbridge.cluster;

import java.util.List;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * The cluster service of a single instance ({@code bridge.cluster.service=standalone}): every election has one member,
 * this instance, which leads as soon as the view starts. No lock, no delay; it lets the same {@code master:} routes
 * run unchanged on one instance and on several.
 */
public class StandaloneClusterService extends AbstractCamelClusterService<StandaloneClusterService.View> {

    public StandaloneClusterService(String id) {
        super(id);
    }

    @Override
    protected View createView(String namespace) {
        return new View(this, namespace);
    }

    /** The one-member view: the local member is the leader while the view runs. */
    static final class View extends AbstractCamelClusterView {

        private final Member local = new Member();

        View(StandaloneClusterService service, String namespace) {
            super(service, namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return local.leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
            local.leader = true;
            fireLeadershipChangedEvent(local);
        }

        @Override
        protected void doStop() {
            local.leader = false;
            fireLeadershipChangedEvent((CamelClusterMember) null);
        }

        private final class Member implements CamelClusterMember {
            private volatile boolean leader;

            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return getClusterService().getId();
            }
        }
    }
}
