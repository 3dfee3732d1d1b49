package dev.mcpver.rollback;

/**
 * One server in one environment; also the directory {@code deployments/<server>/<environment>} under
 * {@code MCPVER_HOME}.
 *
 * @param server server name (letters, digits, {@code . _ -})
 * @param environment environment such as {@code staging} or {@code production}
 */
public record DeploymentId(String server, String environment) {
    public DeploymentId {
        Names.server(server);
        Names.environment(environment);
    }

    /** Parses {@code server/environment}. */
    public static DeploymentId parse(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("deployment must be written server/environment, got '" + text + "'");
        }
        return new DeploymentId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return server + "/" + environment;
    }
}
