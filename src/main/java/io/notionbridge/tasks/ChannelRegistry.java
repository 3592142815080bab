package io.notionbridge.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import io.notionbridge.config.BridgeException;

/**
 * The channels tasks can be made for: the only valid values of a task's {@code channel}. Loaded once at start from a
 * folder with one YAML file per channel ({@code *.yaml} or {@code *.yml}; files starting with a dot are ignored):
 * <pre>
 * # channels/tech-explained.yaml
 * id: tech-explained          # optional; if given, must equal the file name
 * name: Tech Explained        # required
 * description: Gadgets and how they work
 * default_priority: normal    # low, normal (default) or high
 * </pre>
 * The id is the file name without its extension, so one channel is one file and a duplicate id is impossible to
 * miss; an {@code id} written in the file must agree with it. Ids are lower-case letters, digits and single hyphens.
 * Every problem (missing folder, no files, bad YAML, missing name, unknown key, ...) is reported at once, each naming
 * its file. Immutable once loaded; thread-safe.
 */
public final class ChannelRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("id", "name", "description", "default_priority");

    private final Map<String, Channel> channels;
    private final List<Channel> sorted;

    private ChannelRegistry(TreeMap<String, Channel> channels) {
        this.channels = Map.copyOf(channels);
        this.sorted = List.copyOf(channels.values());
    }

    /** A registry of the given channels (for tests and tools). */
    public static ChannelRegistry of(Collection<Channel> channels) {
        TreeMap<String, Channel> byId = new TreeMap<>();
        for (Channel c : channels) {
            if (byId.put(c.id(), c) != null) {
                throw new IllegalArgumentException("duplicate channel id '" + c.id() + "'");
            }
        }
        return new ChannelRegistry(byId);
    }

    /**
     * Loads every channel file of {@code folder}.
     *
     * @throws BridgeException listing every problem found, each with its file
     */
    public static ChannelRegistry load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BridgeException("channels folder " + folder.toAbsolutePath() + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(ChannelRegistry::isChannelFile).sorted().toList();
        } catch (IOException e) {
            throw new BridgeException("cannot list channels folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new BridgeException("no channel files (*.yaml, *.yml) in " + folder.toAbsolutePath());
        }
        TreeMap<String, Channel> byId = new TreeMap<>();
        Map<String, Path> fileOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> fileProblems = new ArrayList<>();
            Channel channel = read(file, fileProblems);
            fileProblems.forEach(p -> problems.add(file + ": " + p));
            if (channel == null) {
                continue;
            }
            Path other = fileOf.putIfAbsent(channel.id(), file);
            if (other != null) {
                problems.add(file + ": duplicate channel id '" + channel.id() + "', also defined by " + other);
            } else {
                byId.put(channel.id(), channel);
            }
        }
        if (!problems.isEmpty()) {
            throw new BridgeException("invalid channel configuration: " + String.join("; ", problems));
        }
        return new ChannelRegistry(byId);
    }

    /** Whether {@code id} is a configured channel (exact match after trimming). */
    public boolean contains(String id) {
        return id != null && channels.containsKey(id.strip());
    }

    /** The channel with {@code id}. */
    public Optional<Channel> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(channels.get(id.strip()));
    }

    /** All channels, sorted by id. */
    public List<Channel> all() {
        return sorted;
    }

    /** All channel ids, sorted. */
    public List<String> ids() {
        return sorted.stream().map(Channel::id).toList();
    }

    private static boolean isChannelFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    private static Channel read(Path file, List<String> problems) {
        String fileName = file.getFileName().toString();
        String id = fileName.substring(0, fileName.lastIndexOf('.'));
        if (!ID.matcher(id).matches()) {
            problems.add("file name '" + fileName + "' is not a valid channel id (lower-case letters, digits and single"
                    + " hyphens, e.g. tech-explained.yaml)");
            return null;
        }
        Object doc;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            doc = new Load(LoadSettings.builder().setLabel(fileName).build()).loadFromString(text);
        } catch (IOException | YamlEngineException e) {
            problems.add("cannot read YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
            return null;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            problems.add(doc == null ? "the file is empty" : "expected a mapping of keys (id, name, ...), found "
                    + doc.getClass().getSimpleName());
            return null;
        }
        map.keySet().stream().filter(k -> !KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add("unknown key '" + k + "'; expected id, name, description, default_priority"));
        String declaredId = text(map, "id", problems);
        if (declaredId != null && !declaredId.equals(id)) {
            problems.add("id '" + declaredId + "' differs from the file name '" + id + "'");
        }
        String name = text(map, "name", problems);
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        }
        String description = text(map, "description", problems);
        String priorityText = text(map, "default_priority", problems);
        Optional<TaskPriority> priority = TaskPriority.parse(priorityText);
        if (priority.isEmpty()) {
            problems.add("default_priority '" + priorityText + "' is not one of low, normal, high");
        }
        return problems.isEmpty() ? new Channel(id, name.strip(), description, priority.get()) : null;
    }

    private static String text(Map<?, ?> map, String key, List<String> problems) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problems.add(key + " must be text, found " + v);
        return null;
    }
}
