package io.notionbridge.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.notionbridge.config.BridgeException;

class ChannelRegistryTest {

    @TempDir
    Path dir;

    @Test
    void loadsOneChannelPerFile() throws IOException {
        write("tech-explained.yaml", "id: tech-explained\nname: Tech Explained\ndescription: How things work\n"
                + "default_priority: high\n");
        write("money-minute.yml", "name: Money Minute\n");
        write("README.md", "not a channel");
        write(".draft.yaml", "name: [broken");
        ChannelRegistry registry = ChannelRegistry.load(dir);
        assertEquals(List.of("money-minute", "tech-explained"), registry.ids());
        assertEquals(new Channel("tech-explained", "Tech Explained", "How things work", TaskPriority.HIGH),
                registry.find("tech-explained").orElseThrow());
        assertEquals(new Channel("money-minute", "Money Minute", "", TaskPriority.NORMAL),
                registry.find(" money-minute ").orElseThrow(), "id from the file name; priority defaults to normal");
        assertTrue(registry.contains("tech-explained"));
        assertFalse(registry.contains("Tech Explained"), "the id is the value, not the name");
        assertFalse(registry.contains(null));
        assertEquals(Optional.empty(), registry.find("science-shorts"));
        assertEquals(2, registry.all().size());
    }

    @Test
    void theRepositoryDemoChannelsLoad() {
        ChannelRegistry registry = ChannelRegistry.load(Path.of("channels"));
        assertEquals(List.of("money-minute", "science-shorts", "tech-explained"), registry.ids());
    }

    @Test
    void aMissingFolderIsAnError() {
        BridgeException e = assertThrows(BridgeException.class, () -> ChannelRegistry.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope does not exist or is not a folder"), e.getMessage());
    }

    @Test
    void anEmptyFolderIsAnError() throws IOException {
        write("notes.txt", "x");
        BridgeException e = assertThrows(BridgeException.class, () -> ChannelRegistry.load(dir));
        assertTrue(e.getMessage().startsWith("no channel files (*.yaml, *.yml) in "), e.getMessage());
    }

    @Test
    void everyProblemIsReportedWithItsFile() throws IOException {
        write("bad-yaml.yaml", "name: [unclosed\n");
        write("empty.yaml", "");
        write("list.yaml", "- a\n- b\n");
        write("no-name.yaml", "description: nameless\n");
        write("wrong-id.yaml", "id: other\nname: Wrong\n");
        write("typo.yaml", "name: Typo\ndefualt_priority: high\n");
        write("urgent.yaml", "name: Urgent\ndefault_priority: urgent\n");
        write("numeric-name.yaml", "name: 42\n");
        write("Bad_Name.yaml", "name: Bad\n");
        write("good.yaml", "name: Good\n");
        String message = assertThrows(BridgeException.class, () -> ChannelRegistry.load(dir)).getMessage();
        assertTrue(message.startsWith("invalid channel configuration: "), message);
        assertProblem(message, "bad-yaml.yaml: cannot read YAML");
        assertProblem(message, "empty.yaml: the file is empty");
        assertProblem(message, "list.yaml: expected a mapping of keys (id, name, ...), found ");
        assertProblem(message, "no-name.yaml: name is required");
        assertProblem(message, "wrong-id.yaml: id 'other' differs from the file name 'wrong-id'");
        assertProblem(message, "typo.yaml: unknown key 'defualt_priority'");
        assertProblem(message, "urgent.yaml: default_priority 'urgent' is not one of low, normal, high");
        assertProblem(message, "numeric-name.yaml: name must be text, found 42");
        assertProblem(message, "Bad_Name.yaml: file name 'Bad_Name.yaml' is not a valid channel id");
        assertFalse(message.contains("good.yaml"), message);
    }

    @Test
    void theSameIdInTwoFilesIsAnError() throws IOException {
        write("tech-explained.yaml", "name: Tech Explained\n");
        write("tech-explained.yml", "name: Tech Explained again\n");
        String message = assertThrows(BridgeException.class, () -> ChannelRegistry.load(dir)).getMessage();
        assertTrue(message.contains("tech-explained.yml: duplicate channel id 'tech-explained', also defined by "
                + dir.resolve("tech-explained.yaml")), message);
    }

    @Test
    void registriesCanBeBuiltInMemory() {
        Channel c = new Channel("a", "A", null, TaskPriority.LOW);
        assertEquals(List.of("a"), ChannelRegistry.of(List.of(c)).ids());
        assertThrows(IllegalArgumentException.class, () -> ChannelRegistry.of(List.of(c, c)));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private void assertProblem(String message, String fragment) {
        assertTrue(message.contains(dir.resolve(fragment.substring(0, fragment.indexOf(':'))) + fragment.substring(fragment.indexOf(':'))),
                () -> "missing '" + fragment + "' in: " + message);
    }
}
