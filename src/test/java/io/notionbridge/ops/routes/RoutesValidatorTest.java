package io.notionbridge.ops.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.sandbox.NotionSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each check of {@code routes validate} on the fixtures in src/test/resources/routes-validate/, with the bean names and
 * configuration of the real runtime (booted once), and the project's own routes/ as the rest of the folder.
 */
class RoutesValidatorTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "routes-validate");
    private static RuntimeBeans runtime;
    private static RoutesValidator validator;

    @BeforeAll
    static void bootTheRuntimesConfigurations() {
        runtime = RuntimeBeans.boot(BridgeConfig.load(null, null), null);
        validator = new RoutesValidator(CamelSchemaCheck.load(), runtime.names());
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    private static List<RouteFile> projectRoutes() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted()
                    .map(p -> RouteFile.read(p, p.toString())).toList();
        }
    }

    private static List<String> problems(String fixture) throws IOException {
        RouteFile f = RouteFile.read(FIXTURES.resolve(fixture), fixture);
        return validator.validate(List.of(f), projectRoutes()).problems().stream().map(RouteProblem::toString).toList();
    }

    @Test
    void theProjectsOwnRoutesAreValid() throws IOException {
        RoutesValidator.Result r = validator.validate(projectRoutes(), List.of());
        assertThat(r.problems()).isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.files()).isEqualTo(projectRoutes().size());
        assertThat(r.routes()).isGreaterThanOrEqualTo(8);
        assertThat(r.routeConfigurations()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theRuntimesBeansAndKeysComeFromItsConfigurations() {
        assertThat(runtime.names().beans()).contains("httpErrors", "systemInfo", "housekeeping", "jobService", "mcpEndpoint",
                "notionCircuitBreaker", "notionRetries", "suppressionSyncJob", "dataSource");
        assertThat(runtime.names().hasBean("nope")).isFalse();
        assertThat(runtime.names().hasProperty("bridge.suppression.period-ms")).isTrue();
        assertThat(runtime.names().hasProperty("bridge.admin.token")).as("present even when empty").isTrue();
        assertThat(runtime.names().hasProperty("bridge.no-such-key")).isFalse();
    }

    @Test
    void bootingLeavesNothingRunning() throws Exception {
        RuntimeBeans own = RuntimeBeans.boot(BridgeConfig.load(null, null), null);
        assertThat(own.context().getRoutes()).as("no route is loaded").isEmpty();
        assertThat(own.context().getStatus().isStarted()).isFalse();
        NotionSandbox sandbox = own.context().getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        HikariDataSource store = own.context().getRegistry().lookupByNameAndType("dataSource", HikariDataSource.class);
        assertThat(store.getJdbcUrl()).as("a throwaway store, never the real one").startsWith("jdbc:h2:mem:routes-validate-");
        URI url = URI.create(sandbox.baseUrl());
        own.close();
        assertThat(store.isClosed()).isTrue();
        assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close()).as("the sandbox stopped")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aGoodFileHasNoProblem() throws IOException {
        assertThat(problems("good.camel.yaml")).isEmpty();
    }

    @Test
    void aTypoInAnEipIsASchemaProblemWithItsLineAndASuggestion() throws IOException {
        assertThat(problems("typo-eip.camel.yaml")).containsExactly(
                "typo-eip.camel.yaml:6: schema: unknown key 'lgo' in route.from.steps[0] (did you mean 'log'?)",
                "typo-eip.camel.yaml:13: schema: route.from.steps[1].setHeader.expression.simple needs 'expression'",
                "typo-eip.camel.yaml:14: schema: unknown key 'expresion' in route.from.steps[1].setHeader.expression.simple "
                        + "(did you mean 'expression'?)");
    }

    @Test
    void compactNotationIsFound() throws IOException {
        List<String> p = problems("compact.camel.yaml");
        assertThat(p).hasSize(7).allMatch(s -> s.contains("compact notation"));
        assertThat(p.get(0)).startsWith("compact.camel.yaml:1: compact notation: a top-level from");
        assertThat(p).anyMatch(s -> s.startsWith("compact.camel.yaml:9:") && s.contains("options under parameters"));
        assertThat(p).anyMatch(s -> s.startsWith("compact.camel.yaml:11:") && s.contains("write log: {message: \"a compact log\"}"));
        assertThat(p).anyMatch(s -> s.startsWith("compact.camel.yaml:14:") && s.contains("setBody with simple given directly"));
        assertThat(p).anyMatch(s -> s.startsWith("compact.camel.yaml:19:") && s.contains("when with simple given directly"));
        assertThat(p).anyMatch(s -> s.startsWith("compact.camel.yaml:21:") && s.contains("write to: {uri: …}"));
    }

    @Test
    void routesAndRouteConfigurationsNeedIds() throws IOException {
        assertThat(problems("missing-id.camel.yaml")).containsExactly(
                "missing-id.camel.yaml:1: a route without an id; give it one (tests, metrics and JMX find it by id)",
                "missing-id.camel.yaml:8: a routeConfiguration without an id; give it one (tests, metrics and JMX find it by id)");
    }

    @Test
    void aTimerOutsideMasterIsFoundBecauseItWouldFireOnEveryInstance() throws IOException {
        assertThat(problems("plain-timer.camel.yaml")).containsExactly(
                "plain-timer.camel.yaml:4: 'timer:fixture-plain' fires on every instance; write it "
                        + "master:{{bridge.cluster.namespace}}:timer:fixture-plain so that it runs on the cluster leader only "
                        + "(docs/reliability.md)");
    }

    @Test
    void idsAreUniqueAcrossFiles() throws IOException {
        List<String> p = problems("duplicate-id.camel.yaml");
        assertThat(p).contains(
                "duplicate-id.camel.yaml:2: duplicate id 'fixture-twice' (also at duplicate-id.camel.yaml:10)",
                "duplicate-id.camel.yaml:10: duplicate id 'fixture-twice' (also at duplicate-id.camel.yaml:2)",
                "duplicate-id.camel.yaml:7: duplicate id 'fixture-twice-log' (also at duplicate-id.camel.yaml:15)");
        assertThat(p).anyMatch(s -> s.startsWith("duplicate-id.camel.yaml:18: duplicate id 'system-info' (also at ")
                && s.contains("system.camel.yaml:"));
        assertThat(p).as("only the validated file is reported").allMatch(s -> s.startsWith("duplicate-id.camel.yaml:"));
    }

    @Test
    void beanReferencesMustNameRuntimeBeans() throws IOException {
        List<String> p = problems("unknown-bean.camel.yaml");
        assertThat(p).anyMatch(s -> s.startsWith("unknown-bean.camel.yaml:8: unknown bean 'systemInf0' (bean.ref)")
                && s.endsWith("(did you mean 'systemInfo'?)"));
        assertThat(p).anyMatch(s -> s.startsWith("unknown-bean.camel.yaml:14: unknown bean 'noSuchRetries' (method.ref)"));
        assertThat(p).anyMatch(s -> s.startsWith("unknown-bean.camel.yaml:21: unknown bean 'noSuchStrategy' (endpoint option someStrategy)"));
        assertThat(p).anyMatch(s -> s.startsWith("unknown-bean.camel.yaml:24: unknown bean 'noSuchAggregation' "
                + "(aggregate.aggregationStrategy)"));
        assertThat(p).anyMatch(s -> s.contains("unknown bean 'legacyBean' (endpoint option strategy)"));
        assertThat(p.stream().filter(s -> s.contains("unknown bean"))).hasSize(5);
    }

    @Test
    void placeholdersMustNameKeysOrHaveADefault() throws IOException {
        assertThat(problems("unknown-placeholder.camel.yaml")).containsExactly(
                "unknown-placeholder.camel.yaml:3: unknown configuration key 'bridge.scheduler.enabld' in "
                        + "{{bridge.scheduler.enabld}}: it is in no application*.properties (add it there with a comment, or "
                        + "write {{bridge.scheduler.enabld:default}})",
                "unknown-placeholder.camel.yaml:12: unknown configuration key 'bridge.nope.key' in {{bridge.nope.key}}: it is "
                        + "in no application*.properties (add it there with a comment, or write {{bridge.nope.key:default}})");
    }

    @Test
    void routeConfigurationIdsMustExist() throws IOException {
        assertThat(problems("unknown-route-configuration.camel.yaml")).singleElement().asString()
                .startsWith("unknown-route-configuration.camel.yaml:3: routeConfigurationId: no route configuration 'http-errorz' "
                        + "(there are: http-errors, job-errors");
    }

    @Test
    void aYamlSyntaxErrorIsReportedAloneWithItsLine() throws IOException {
        assertThat(problems("syntax.camel.yaml")).singleElement().asString()
                .startsWith("syntax.camel.yaml:6: YAML syntax: found unexpected end of stream")
                .contains("quoted scalar that starts at line 4");
    }

    @Test
    void anEditedCopyReplacesTheFileOfTheSameName() throws IOException {
        Path copy = Files.createTempDirectory("routes-copy").resolve("system.camel.yaml");
        Files.copy(Path.of("routes", "system.camel.yaml"), copy);
        RoutesValidator.Result r = validator.validate(List.of(RouteFile.read(copy, copy.toString())), projectRoutes());
        assertThat(r.problems()).as("no clash with the original it will replace").isEmpty();
    }
}
