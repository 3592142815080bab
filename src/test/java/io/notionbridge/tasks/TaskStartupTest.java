package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channels are loaded at start: an invalid folder stops the runtime with a message naming the problems. */
@Tag("db")
class TaskStartupTest {

    @TempDir
    Path dir;

    private static Properties props(TestDatabase db, Path channels) {
        Properties p = new Properties();
        for (String kv : db.properties()) {
            p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.channels.dir", channels.toString());
        return p;
    }

    @Test
    void anInvalidChannelFolderStopsTheStartWithEveryProblem() throws Exception {
        Files.writeString(dir.resolve("tech-explained.yaml"), "name: Tech Explained\ncolour: blue\n");
        Files.writeString(dir.resolve("Bad Name.yaml"), "name: Bad\n");
        try (TestDatabase db = TestDatabase.create()) {
            Properties p = props(db, dir);
            assertThatThrownBy(() -> OneShotRuntime.start(BridgeConfig.load(null, p), List.of("task-push"), p).close())
                    .isInstanceOf(BridgeException.class)
                    .hasMessageContaining("invalid channel configuration")
                    .hasMessageContaining("unknown key 'colour'")
                    .hasMessageContaining("'Bad Name.yaml' is not a valid channel id");
        }
    }

    @Test
    void aMissingChannelFolderStopsTheStart() {
        try (TestDatabase db = TestDatabase.create()) {
            Properties p = props(db, dir.resolve("nowhere"));
            assertThatThrownBy(() -> OneShotRuntime.start(BridgeConfig.load(null, p), List.of("task-push"), p).close())
                    .isInstanceOf(BridgeException.class).hasMessageContaining("does not exist");
        }
    }

    @Test
    void theConfiguredChannelsAreLoaded() {
        try (TestDatabase db = TestDatabase.create()) {
            Properties p = props(db, Path.of("channels"));
            try (OneShotRuntime rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of("task-push"), p)) {
                ChannelRegistry channels = rt.context().getRegistry().lookupByNameAndType("channelRegistry",
                        ChannelRegistry.class);
                assertThat(channels.ids()).containsExactly("money-minute", "science-shorts", "tech-explained");
            }
        }
    }
}
