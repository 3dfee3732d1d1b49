package dev.mcpver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, filtered into {@code dev/mcpver/build.properties} by Maven. */
public final class BuildInfo {
    private static final String VERSION = load().getProperty("version", "0.0.0-dev");

    private BuildInfo() {}

    public static String version() {
        return VERSION;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
