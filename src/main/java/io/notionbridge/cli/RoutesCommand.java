package io.notionbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.ops.routes.CamelSchemaCheck;
import io.notionbridge.ops.routes.RouteFile;
import io.notionbridge.ops.routes.RouteProblem;
import io.notionbridge.ops.routes.RoutesValidator;
import io.notionbridge.ops.routes.RuntimeBeans;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code routes}: tools for the YAML routes ops edit; {@code routes validate [FILE...]} checks them before a restart. */
@Command(name = "routes", mixinStandardHelpOptions = true, subcommands = {RoutesCommand.Validate.class},
        description = "Tools for the YAML routes in routes/ (bridge.routes.dir).")
public class RoutesCommand implements Runnable {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: validate");
    }

    /** {@code routes validate [FILE...]}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check edited route files before a restart: YAML syntax, the Camel YAML DSL schema, canonical "
                    + "notation, ids (present, unique), route configurations, bean names and {{placeholders}} against this "
                    + "runtime's configuration.",
                "Without FILE: every routes/*.camel.yaml. Problems are printed as FILE:LINE: message; exit code 0 when "
                    + "valid, 1 otherwise."})
    static class Validate implements Callable<Integer> {

        @ParentCommand
        RoutesCommand routes;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "route files to check (default: every *.camel.yaml in bridge.routes.dir); the rest of that "
                        + "folder is checked with them for ids and route configurations")
        List<String> files = new ArrayList<>();

        @Override
        public Integer call() {
            BridgeConfig config = routes.cli.config();
            Path dir = Path.of(config.get("bridge.routes.dir", "routes"));
            List<Path> folder = folder(dir, files.isEmpty());
            List<RouteFile> targets = new ArrayList<>();
            if (files.isEmpty()) {
                folder.forEach(p -> targets.add(RouteFile.read(p, p.toString())));
            } else {
                files.forEach(f -> targets.add(RouteFile.read(Path.of(f), f)));
            }
            List<RouteFile> others = new ArrayList<>();
            for (Path p : folder) {
                if (targets.stream().noneMatch(t -> t.path().getFileName().equals(p.getFileName()))) {
                    others.add(RouteFile.read(p, p.toString()));
                }
            }
            RoutesValidator.Result result;
            try (RuntimeBeans runtime = RuntimeBeans.boot(config, config.overrides())) {
                result = new RoutesValidator(CamelSchemaCheck.load(), runtime.names()).validate(targets, others);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (result.valid()) {
                out.printf("%d file%s, %d route%s: valid%n", result.files(), plural(result.files()), result.routes(),
                        plural(result.routes()));
                out.flush();
                return 0;
            }
            for (RouteProblem p : result.problems()) {
                out.println(p);
            }
            long withProblems = result.problems().stream().map(RouteProblem::file).distinct().count();
            out.printf("%d problem%s in %d of %d file%s: not valid%n", result.problems().size(), plural(result.problems().size()),
                    withProblems, result.files(), plural(result.files()));
            out.flush();
            return 1;
        }

        private static List<Path> folder(Path dir, boolean required) {
            if (!Files.isDirectory(dir)) {
                if (required) {
                    throw new BridgeException("routes folder " + dir.toAbsolutePath() + " does not exist; run from the folder "
                            + "that holds routes/ or set BRIDGE_ROUTES_DIR");
                }
                return List.of();
            }
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
                if (required && found.isEmpty()) {
                    throw new BridgeException("routes folder " + dir.toAbsolutePath() + " holds no *.camel.yaml file");
                }
                return found;
            } catch (IOException e) {
                throw new BridgeException("cannot read routes folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }

        private static String plural(long n) {
            return n == 1 ? "" : "s";
        }
    }
}
