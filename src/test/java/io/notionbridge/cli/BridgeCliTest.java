package io.notionbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as users meet it: help, version, bad arguments and failures as one line with a non-zero exit. */
class BridgeCliTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEverySubcommand() {
        CliRunner.Result r = new CliRunner().run("--help");
        assertThat(r.exitCode()).isZero();
        picocli.CommandLine cl = BridgeCli.commandLine();
        assertThat(cl.getSubcommands()).containsKeys("run", "db");
        for (String name : cl.getSubcommands().keySet()) {
            assertThat(r.out()).as("--help names %s", name).containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(name) + "\\s");
        }
        CliRunner.Result db = new CliRunner().run("db", "--help");
        for (String sub : new String[] {"status", "info", "validate", "migrate", "rollback", "export", "import"}) {
            assertThat(db.out()).containsPattern("(?m)^\\s+" + sub + "\\s");
        }
    }

    @Test
    void versionNamesTheBuildAndCamel() {
        CliRunner.Result r = new CliRunner().run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("notion-bridge ").contains("Apache Camel 4.18.0");
    }

    @Test
    void unknownSubcommandIsAOneLineErrorWithExitCode2() {
        CliRunner.Result r = new CliRunner().run("db", "frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains("frobnicate").contains("--help");
    }

    @Test
    void unknownOptionIsRejected() {
        CliRunner.Result r = new CliRunner().run("db", "rollback", "--too", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--too");
    }

    @Test
    void unreachableDatabaseIsOneLineThatSaysWhatToDo() {
        CliRunner.Result r = new CliRunner().with("bridge.db.url", "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2")
                .with("bridge.db.password", "s3cr3t-never-printed").run("db", "status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: cannot connect to the database").contains("BRIDGE_DB_URL")
                .doesNotContain("s3cr3t-never-printed");
    }

    @Test
    void databaseUrlOfAnUnsupportedKindIsRefused() {
        CliRunner.Result r = new CliRunner().with("bridge.db.url", "jdbc:mysql://x/y").run("db", "status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("must be an H2 (jdbc:h2:) or PostgreSQL");
    }

    @Test
    @Tag("db")
    void dbCommandsWorkAgainstAStore() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            CliRunner cli = new CliRunner().with("bridge.db.url", db.url()).with("bridge.db.user", db.user());
            CliRunner.Result status = cli.run("db", "status");
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("schema version: none").contains("pending migrations: ");

            assertThat(cli.run("db", "migrate").exitCode()).isZero();
            assertThat(cli.run("db", "validate").out()).contains("store schema is valid");
            assertThat(cli.run("db", "info").out()).contains("job runs").contains("Success");

            Path backup = dir.resolve("b.json");
            CliRunner.Result export = cli.run("db", "export", backup.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(Files.readString(backup)).contains("\"format\":\"notion-bridge-backup\"");

            CliRunner.Result missing = cli.run("db", "import", dir.resolve("nope.json").toString());
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).contains("does not exist");

            CliRunner.Result badTo = cli.run("db", "rollback", "--to", "banana");
            assertThat(badTo.exitCode()).isEqualTo(1);
            assertThat(badTo.err()).contains("--to must be a migration version");

            CliRunner.Result rollback = cli.run("db", "rollback", "--to", "0");
            assertThat(rollback.exitCode()).isZero();
            assertThat(rollback.out()).contains("schema version none");
        }
    }

    @Test
    void exportIntoAMissingFolderSaysWhich() {
        CliRunner.Result r = new CliRunner().run("db", "export", dir.resolve("no/such/folder/b.json").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("does not exist");
    }

    @Test
    void bareInvocationMeansRun() {
        assertThat(BridgeCli.isBareInvocation(new String[0])).isTrue();
        assertThat(BridgeCli.isBareInvocation(new String[] {"--profile", "prod"})).isTrue();
        assertThat(BridgeCli.isBareInvocation(new String[] {"db", "status"})).isFalse();
    }
}
