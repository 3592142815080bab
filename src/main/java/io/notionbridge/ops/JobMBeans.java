package io.notionbridge.ops;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one {@link JobControlMBean} per job available in the runtime when Camel starts, under
 * {@code io.notionbridge:type=jobs,name=<job>} in the platform MBean server (next to Camel's own route MBeans), and
 * unregisters them when it stops.
 */
public class JobMBeans extends ServiceSupport {

    public static final String DOMAIN = "io.notionbridge";
    private static final Logger LOG = LoggerFactory.getLogger(JobMBeans.class);

    private final JobService jobs;
    private final List<ObjectName> registered = new ArrayList<>();

    public JobMBeans(JobService jobs) {
        this.jobs = jobs;
    }

    public static ObjectName name(String job) throws javax.management.MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=jobs,name=" + ObjectName.quote(job));
    }

    @Override
    protected void doStart() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (JobDefinition job : jobs.jobs()) {
            ObjectName n = name(job.name());
            if (server.isRegistered(n)) {
                server.unregisterMBean(n);
            }
            server.registerMBean(new JobControl(jobs, job.name()), n);
            registered.add(n);
        }
        LOG.info("JMX: {} job MBean(s) under {}:type=jobs", registered.size(), DOMAIN);
    }

    @Override
    protected void doStop() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName n : registered) {
            if (server.isRegistered(n)) {
                server.unregisterMBean(n);
            }
        }
        registered.clear();
    }
}
