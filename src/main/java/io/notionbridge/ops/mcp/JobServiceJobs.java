package io.notionbridge.ops.mcp;

import java.util.List;
import java.util.Map;

import io.notionbridge.ops.JobDefinition;
import io.notionbridge.ops.JobService;
import org.apache.camel.CamelContext;

/** The MCP tools' view of the {@code jobService} bean, looked up when first used (configurations bind in any order). */
public final class JobServiceJobs implements McpJobs {

    private final CamelContext context;

    public JobServiceJobs(CamelContext context) {
        this.context = context;
    }

    private JobService service() {
        JobService s = context.getRegistry().lookupByNameAndType("jobService", JobService.class);
        if (s == null) {
            throw new IllegalStateException("no jobService bean in this runtime");
        }
        return s;
    }

    @Override
    public List<String> available() {
        return service().jobs().stream().map(JobDefinition::name).toList();
    }

    @Override
    public Object run(String job, boolean dryRun, Map<String, Object> headers) {
        return service().run(job, dryRun, headers);
    }

    @Override
    public Object status(String job) {
        return service().status(job);
    }
}
