package dev.mcpver.clientconfig;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pins one server entry of an MCP client configuration to a version. Recognised version pins inside the entry's
 * strings ({@code command}, {@code args}, {@code url}, {@code env}): npm specs ({@code pkg@1.2.3},
 * {@code @scope/pkg@1.2.3}), Python pins ({@code pkg==1.2.3}), container images ({@code image:1.2.3}) and mcpver
 * release paths ({@code …/releases/1.2.3/…}). An unpinned npm package run by {@code npx} gets {@code @version}
 * appended. Stateless; the file system is the caller's ({@link ConfigFiles}).
 */
public final class ClientConfigRewriter {
    private static final String SEMVER = "\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?";
    private static final List<Pattern> PINS = List.of(
            Pattern.compile("^(@[\\w.-]+/)?[\\w.-]+@(?<v>" + SEMVER + ")$"),
            Pattern.compile("^[\\w.-]+(?:\\[[\\w,.-]+])?==(?<v>" + SEMVER + ")$"),
            Pattern.compile("^[\\w.-]+(?:\\.[\\w-]+)*(?::\\d+)?/[\\w./-]+:(?<v>v?" + SEMVER + ")$"),
            Pattern.compile("/releases/(?<v>" + SEMVER + ")(?=/|$)"));
    private static final Pattern NPM_PACKAGE = Pattern.compile("^(@[a-z0-9][\\w.-]*/)?[a-z0-9][\\w.-]*$");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /**
     * What a rewrite does.
     *
     * @param before the file's text
     * @param after the rewritten text (equal to {@code before} when nothing changes)
     * @param fromVersion the version that was pinned (null when the entry was unpinned)
     * @param changes one line per edited string: {@code old → new}
     */
    public record Rewrite(
            String before, String after, @Nullable String fromVersion, List<String> changes) {
        public Rewrite {
            changes = List.copyOf(changes);
        }

        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** A string literal of the entry: its offsets in the text and its value. */
    private record Literal(int start, int end, String value) {}

    private ClientConfigRewriter() {}

    /**
     * @param text the configuration file's content
     * @param server the key of the entry under {@code mcpServers} or {@code servers}
     * @param toVersion the version to pin
     * @param fromVersion the version pinned now; null to detect it (it must be unambiguous)
     * @throws IllegalArgumentException naming what is wrong (no such entry, ambiguous or absent pin, bad JSON)
     */
    public static Rewrite pin(String text, String server, String toVersion, @Nullable String fromVersion) {
        if (!toVersion.matches("v?" + SEMVER)) {
            throw new IllegalArgumentException("--to must be a version such as 1.4.0, got " + toVersion);
        }
        List<Literal> literals = entryLiterals(text, server);
        String from = fromVersion != null ? fromVersion : detect(literals, server);
        StringBuilder out = new StringBuilder(text);
        List<String> changes = new ArrayList<>();
        for (int i = literals.size() - 1; i >= 0; i--) {
            Literal literal = literals.get(i);
            String rewritten =
                    from == null ? pinNpx(literals, i, toVersion) : replace(literal.value(), from, toVersion);
            if (!rewritten.equals(literal.value())) {
                out.replace(literal.start(), literal.end(), quote(rewritten));
                changes.add(0, literal.value() + " -> " + rewritten);
            }
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("entry " + server + " pins no version "
                    + (from == null ? "and runs no npx package" : from) + ": nothing to rewrite");
        }
        return new Rewrite(text, out.toString(), from, changes);
    }

    private static @Nullable String detect(List<Literal> literals, String server) {
        Set<String> found = new LinkedHashSet<>();
        for (Literal literal : literals) {
            found.addAll(versions(literal.value()));
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(
                    "entry " + server + " pins several versions " + found + ": say which one with --from");
        }
        return found.isEmpty() ? null : found.iterator().next();
    }

    private static List<String> versions(String value) {
        List<String> versions = new ArrayList<>();
        for (Pattern pin : PINS) {
            Matcher matcher = pin.matcher(value);
            while (matcher.find()) {
                versions.add(matcher.group("v"));
            }
        }
        return versions;
    }

    private static String replace(String value, String from, String to) {
        String result = value;
        for (Pattern pin : PINS) {
            Matcher matcher = pin.matcher(result);
            StringBuilder rewritten = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                if (matcher.group("v").equals(from)) {
                    rewritten.append(result, last, matcher.start("v")).append(to);
                    last = matcher.end("v");
                }
            }
            rewritten.append(result.substring(last));
            result = rewritten.toString();
        }
        return result;
    }

    /** An unpinned entry: the first package argument after {@code npx} (and its flags) gets {@code @to}. */
    private static String pinNpx(List<Literal> literals, int index, String to) {
        Literal literal = literals.get(index);
        boolean npx = literals.stream()
                .anyMatch(l -> l.value().equals("npx") || l.value().endsWith("/npx"));
        int firstPackage = -1;
        for (int i = 0; i < literals.size() && npx; i++) {
            String value = literals.get(i).value();
            if (!value.startsWith("-")
                    && !value.endsWith("npx")
                    && NPM_PACKAGE.matcher(value).matches()) {
                firstPackage = i;
                break;
            }
        }
        return index == firstPackage ? literal.value() + "@" + to : literal.value();
    }

    /** The string literals inside the server's entry, in text order (keys excluded). */
    private static List<Literal> entryLiterals(String text, String server) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the configuration is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ((field.equals("mcpServers") || field.equals("servers"))
                        && parser.currentToken() == JsonToken.START_OBJECT) {
                    List<Literal> found = findEntry(parser, text, server);
                    if (found != null) {
                        return found;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the configuration is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the configuration cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no server named " + server + " under mcpServers or servers");
    }

    private static @Nullable List<Literal> findEntry(JsonParser parser, String text, String server) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(server) && parser.currentToken() == JsonToken.START_OBJECT) {
                return literals(parser, text);
            }
            parser.skipChildren();
        }
        return null;
    }

    private static List<Literal> literals(JsonParser parser, String text) throws IOException {
        List<Literal> literals = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING) {
                int start = (int) parser.currentTokenLocation().getCharOffset();
                literals.add(new Literal(start, endOfLiteral(text, start), parser.getText()));
            }
        }
        return literals;
    }

    /** The offset just after the string literal starting at {@code start} (a quote). */
    private static int endOfLiteral(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated string in the configuration");
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
