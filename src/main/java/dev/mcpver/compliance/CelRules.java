package dev.mcpver.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and evaluates rule expressions with cel-java. The environment declares five variables, each a map from
 * string to any JSON value: {@code server}, {@code version}, {@code surface}, {@code attestations} (kind → latest
 * value) and {@code report} (gate name → {@code {verdict, weight, detail, evidence}}). Expressions must be
 * boolean. CEL is not Turing-complete and has no I/O, so a rule cannot loop forever or reach outside.
 * Thread-safe: programs are cached per expression.
 */
public final class CelRules {
    /** The variables every expression can read. */
    public static final List<String> VARIABLES = List.of("server", "version", "surface", "attestations", "report");

    private final Cel cel;
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    public CelRules() {
        var builder = CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        for (String variable : VARIABLES) {
            builder.addVar(variable, MapType.create(SimpleType.STRING, SimpleType.DYN));
        }
        this.cel = builder.build();
    }

    /** Why the expression does not compile to a boolean, or empty when it does. */
    public Optional<String> check(String expression) {
        CelValidationResult result = cel.compile(expression);
        return result.hasError() ? Optional.of(result.getIssueString()) : Optional.empty();
    }

    /**
     * Evaluates an expression; the answer, or the reason it could not be computed.
     *
     * @param variables values of {@link #VARIABLES} as JSON objects
     */
    public Evaluation evaluate(String expression, Map<String, JsonNode> variables) {
        try {
            Object result = program(expression).eval(activation(variables));
            return new Evaluation(Boolean.TRUE.equals(result), null);
        } catch (CelEvaluationException | CelValidationException e) {
            return new Evaluation(false, e.getMessage());
        }
    }

    /** The outcome of one evaluation: {@code error} is set when it could not be computed. */
    public record Evaluation(
            boolean value,
            @org.jspecify.annotations.Nullable String error) {}

    private CelRuntime.Program program(String expression) throws CelValidationException, CelEvaluationException {
        CelRuntime.Program cached = programs.get(expression);
        if (cached != null) {
            return cached;
        }
        CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
        CelRuntime.Program program = cel.createProgram(ast);
        programs.put(expression, program);
        return program;
    }

    private static Map<String, Object> activation(Map<String, JsonNode> variables) {
        Map<String, Object> activation = new LinkedHashMap<>();
        for (String name : VARIABLES) {
            JsonNode value = variables.get(name);
            activation.put(name, value == null || !value.isObject() ? Map.of() : toCel(value));
        }
        return activation;
    }

    /** JSON to the values cel-java expects: maps, lists, Long, Double, String, Boolean and CEL null. */
    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toCel(element)));
            return list;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() || node.isMissingNode() ? NullValue.NULL_VALUE : node.asText();
    }
}
