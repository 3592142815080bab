package io.notionbridge.sandbox.demo;

import java.util.List;

/**
 * Fixed ids of the demo workspace, so configuration and tests can name them. Each database has one data source;
 * database and data source ids differ, as in Notion. The schemas and pages are in
 * {@code src/main/resources/sandbox/demo/*.json}.
 */
public final class DemoData {

    /** The page that holds the demo databases ("Notion Bridge Demo"). */
    public static final String ROOT_PAGE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a00";

    public static final String CRM_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a10";
    public static final String CRM_DATA_SOURCE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a11";
    public static final String PROGRAMS_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a20";
    public static final String PROGRAMS_DATA_SOURCE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a21";
    public static final String PROJECTS_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a30";
    public static final String PROJECTS_DATA_SOURCE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a31";
    public static final String BUDGET_LINES_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a40";
    public static final String BUDGET_LINES_DATA_SOURCE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a41";
    public static final String RISKS_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a50";
    public static final String RISKS_DATA_SOURCE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a51";
    public static final String ACTIONS_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a60";
    public static final String ACTIONS_DATA_SOURCE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a61";
    public static final String VIDEO_TASKS_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a70";
    public static final String VIDEO_TASKS_DATA_SOURCE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a71";

    /** The project "Data Platform Migration", related to 40 actions (more than the 25 a page object shows). */
    public static final String PROJECT_WITH_MANY_ACTIONS_ID = "0110970e-3318-59ea-b696-519733cf06c1";

    /** People of the demo workspace (for people properties and simulated UI edits). */
    public static final String USER_MAYA_ID = "9e0c1a2b-3d4e-4f50-8a61-000000000001";
    public static final String USER_TOM_ID = "9e0c1a2b-3d4e-4f50-8a61-000000000002";
    public static final String USER_LENA_ID = "9e0c1a2b-3d4e-4f50-8a61-000000000003";
    public static final String USER_RAVI_ID = "9e0c1a2b-3d4e-4f50-8a61-000000000004";

    /** The 26 options of the Video Tasks status, in schema order (groups To-do, In progress, Complete). */
    public static final List<String> VIDEO_TASK_STATUSES = List.of("Draft", "Needs Info", "Ready for Planning",
            "On Hold", "Queued", "Planned", "Scheduled", "Processing", "Scripting", "Assets Generating", "Voiceover",
            "Editing", "Rendering", "Uploading", "Awaiting Review", "In Review", "Approved", "Ready to Publish",
            "Rejected", "Changes Requested", "Published", "Done", "Archived", "Failed", "Blocked", "Retry Requested");

    /** Demo databases by name: database id and data source id. */
    public record DemoDatabase(String name, String databaseId, String dataSourceId) {
    }

    public static final List<DemoDatabase> DATABASES = List.of(
            new DemoDatabase("CRM", CRM_DATABASE_ID, CRM_DATA_SOURCE_ID),
            new DemoDatabase("Programs", PROGRAMS_DATABASE_ID, PROGRAMS_DATA_SOURCE_ID),
            new DemoDatabase("Projects", PROJECTS_DATABASE_ID, PROJECTS_DATA_SOURCE_ID),
            new DemoDatabase("Budget Lines", BUDGET_LINES_DATABASE_ID, BUDGET_LINES_DATA_SOURCE_ID),
            new DemoDatabase("Risks", RISKS_DATABASE_ID, RISKS_DATA_SOURCE_ID),
            new DemoDatabase("Actions", ACTIONS_DATABASE_ID, ACTIONS_DATA_SOURCE_ID),
            new DemoDatabase("Video Tasks", VIDEO_TASKS_DATABASE_ID, VIDEO_TASKS_DATA_SOURCE_ID));

    private DemoData() {
    }
}
