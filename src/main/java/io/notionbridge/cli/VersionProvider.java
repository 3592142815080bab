package io.notionbridge.cli;

import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** Prints the build's version and the Camel version it runs on. */
public class VersionProvider implements IVersionProvider {

    public static String version() {
        return buildInfo().getProperty("version", "unknown");
    }

    static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("notion-bridge-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (Exception ignored) {
            // fall through to "unknown"
        }
        return p;
    }

    @Override
    public String[] getVersion() {
        Properties info = buildInfo();
        return new String[] {"notion-bridge " + info.getProperty("version", "unknown") + " (Apache Camel "
                + info.getProperty("camel.version", "unknown") + ", Java " + System.getProperty("java.version") + ")"};
    }
}
