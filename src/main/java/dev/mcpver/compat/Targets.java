package dev.mcpver.compat;

/** The target syntax of reports (see {@link Change#target()}). */
final class Targets {
    private Targets() {}

    static String tool(String name) {
        return "tools/" + name;
    }

    static String prompt(String name) {
        return "prompts/" + name;
    }

    static String resource(String uri) {
        return "resources/" + uri;
    }

    static String template(String uriTemplate) {
        return "resourceTemplates/" + uriTemplate;
    }

    static String capability(String path) {
        return "capabilities/" + path;
    }

    static String protocol(String revision) {
        return "protocol/" + revision;
    }

    static String serverInfo(String field) {
        return "serverInfo/" + field;
    }

    static String env(String name) {
        return "config/env/" + name;
    }

    static String argument(String key) {
        return "config/args/" + key;
    }

    static String transport(String type) {
        return "config/transports/" + type;
    }

    static String manifest(String path) {
        return "manifest/" + path;
    }

    /** The item of the old surface a target belongs to ({@code tools/x#input/...} → {@code tools/x}). */
    static String item(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }
}
