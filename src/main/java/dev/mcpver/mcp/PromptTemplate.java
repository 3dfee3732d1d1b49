package dev.mcpver.mcp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One prompt template from {@code prompts/templates/<name>.md}: markdown with {@code {{argument}}} placeholders,
 * served as an MCP prompt. Every instance is valid: the name is a safe identifier and every placeholder in the body
 * is a declared argument.
 *
 * @param name MCP prompt name (the file name without {@code .md})
 * @param title human-readable name
 * @param description what the prompt is for, shown to the user picking it
 * @param arguments declared arguments, in order
 * @param body markdown sent as the user message after substitution
 */
public record PromptTemplate(String name, String title, String description, List<Argument> arguments, String body) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    /**
     * A prompt argument.
     *
     * @param name identifier used in {@code {{name}}} placeholders
     * @param description what to supply
     * @param required whether {@code prompts/get} fails without it
     * @param defaultValue text used when an optional argument is not supplied (empty when null)
     */
    public record Argument(
            String name,
            String description,
            boolean required,
            @Nullable String defaultValue) {
        public Argument {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("prompt argument name must match [a-z][a-z0-9_]*: " + name);
            }
            if (required && defaultValue != null) {
                throw new IllegalArgumentException("required argument " + name + " cannot have a default");
            }
        }
    }

    public PromptTemplate {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("prompt name must match [a-z][a-z0-9_]*: " + name);
        }
        if (title.isBlank() || description.isBlank() || body.isBlank()) {
            throw new IllegalArgumentException("prompt " + name + " needs a title, a description and a body");
        }
        arguments = List.copyOf(arguments);
        Set<String> declared = new LinkedHashSet<>();
        arguments.forEach(argument -> {
            if (!declared.add(argument.name())) {
                throw new IllegalArgumentException("prompt " + name + " declares " + argument.name() + " twice");
            }
        });
        for (String used : placeholders(body)) {
            if (!declared.contains(used)) {
                throw new IllegalArgumentException(
                        "prompt " + name + " uses {{" + used + "}} but declares only " + declared);
            }
        }
    }

    /**
     * The body with every placeholder replaced.
     *
     * @throws IllegalArgumentException naming a missing required argument or an undeclared one
     */
    public String render(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        for (String given : values.keySet()) {
            if (arguments.stream().noneMatch(argument -> argument.name().equals(given))) {
                problems.add("unknown argument '" + given + "'");
            }
        }
        for (Argument argument : arguments) {
            String value = values.get(argument.name());
            if (argument.required() && (value == null || value.isBlank())) {
                problems.add("missing required argument '" + argument.name() + "' (" + argument.description() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("prompt " + name + ": " + String.join("; ", problems));
        }
        return substitute(values);
    }

    private String substitute(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 64);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(valueOf(matcher.group(1), values)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String valueOf(String argumentName, Map<String, String> values) {
        String given = values.get(argumentName);
        if (given != null && !given.isBlank()) {
            return given;
        }
        for (Argument argument : arguments) {
            String fallback = argument.defaultValue();
            if (argument.name().equals(argumentName) && fallback != null) {
                return fallback;
            }
        }
        return "";
    }

    private static Set<String> placeholders(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
