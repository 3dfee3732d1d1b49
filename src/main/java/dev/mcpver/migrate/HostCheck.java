package dev.mcpver.migrate;

/** Port: facts about the machine the target will run on (dependency and environment validation). */
public interface HostCheck {
    /** An absolute executable, or a command found on {@code PATH}. */
    boolean commandAvailable(String command);

    /** Whether a secret reference ({@code env:NAME}, {@code file:/path}) resolves now. */
    boolean secretResolvable(String reference);
}
