package io.notionbridge.ops.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.notionbridge.cli.CliRunner;
import org.junit.jupiter.api.Test;

/** {@code routes validate} as ops run it: exit codes, FILE:LINE: output, one-line errors. */
class RoutesCommandTest {

    @Test
    void theProjectsRoutesAreValid() {
        CliRunner.Result r = new CliRunner().run("routes", "validate");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out().strip()).matches("\\d+ files, \\d+ routes: valid");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void problemsArePrintedAsFileLineMessageWithExitCode1() {
        String file = "src/test/resources/routes-validate/typo-eip.camel.yaml";
        CliRunner.Result r = new CliRunner().run("routes", "validate", file, "src/test/resources/routes-validate/good.camel.yaml");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines()).contains(file + ":6: schema: unknown key 'lgo' in route.from.steps[0] (did you mean 'log'?)");
        assertThat(r.out().lines().toList()).last().isEqualTo("3 problems in 1 of 2 files: not valid");
    }

    @Test
    void aMissingFileIsAOneLineError() {
        CliRunner.Result r = new CliRunner().run("routes", "validate", "routes/nope.camel.yaml");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: routes/nope.camel.yaml: no such file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void routesWithoutASubcommandIsAUsageError() {
        CliRunner.Result r = new CliRunner().run("routes");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("validate");
    }
}
