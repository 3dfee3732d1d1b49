package dev.mcpver.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure of an RFC 6570 URI template: literal parts and expressions (operator, modifiers), with variable
 * names kept apart, so that "only the variable names changed" can be told from "expands to different URIs".
 */
record UriTemplate(String shape, List<String> variables) {
    private static final Pattern EXPRESSION = Pattern.compile("\\{([+#./;?&=,!@|]?)([^}]*)}");

    static UriTemplate parse(String template) {
        StringBuilder shape = new StringBuilder();
        List<String> variables = new ArrayList<>();
        Matcher matcher = EXPRESSION.matcher(template);
        int last = 0;
        while (matcher.find()) {
            shape.append(template, last, matcher.start()).append('{').append(matcher.group(1));
            String[] specs = matcher.group(2).split(",", -1);
            for (int i = 0; i < specs.length; i++) {
                String spec = specs[i].strip();
                int modifier = firstModifier(spec);
                variables.add(spec.substring(0, modifier));
                shape.append(i > 0 ? "," : "").append('v').append(spec.substring(modifier));
            }
            shape.append('}');
            last = matcher.end();
        }
        shape.append(template.substring(last));
        return new UriTemplate(shape.toString(), List.copyOf(variables));
    }

    private static int firstModifier(String spec) {
        int star = spec.indexOf('*');
        int colon = spec.indexOf(':');
        int cut = spec.length();
        if (star >= 0) {
            cut = Math.min(cut, star);
        }
        if (colon >= 0) {
            cut = Math.min(cut, colon);
        }
        return cut;
    }
}
