package dev.mcpver.compat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a description edit is rewording (non-breaking) or changes what a tool or an argument means
 * (potentially breaking). Deliberately conservative: only edits whose changed sentences talk about the tool's
 * parameters or about behaviour (matching rules, units, limits, negations, defaults) count as semantic — an agent
 * reading the new text would call the tool differently.
 */
final class DescriptionSemantics {
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final double REWORDING = 0.6;
    private static final Set<String> BEHAVIOUR = Set.of(
            "not",
            "no",
            "never",
            "only",
            "must",
            "instead",
            "longer",
            "case",
            "insensitive",
            "sensitive",
            "glob",
            "regex",
            "regexp",
            "regular",
            "exact",
            "exactly",
            "substring",
            "prefix",
            "suffix",
            "wildcard",
            "default",
            "defaults",
            "deprecated",
            "required",
            "optional",
            "ignored",
            "ignore",
            "recursive",
            "recursively",
            "absolute",
            "relative",
            "seconds",
            "milliseconds",
            "ms",
            "minutes",
            "bytes",
            "kb",
            "mb",
            "utc",
            "local",
            "maximum",
            "minimum",
            "limit",
            "limits",
            "fails",
            "overwrite",
            "overwrites",
            "delete",
            "deletes",
            "append",
            "appends",
            "replace",
            "replaces",
            "sorted",
            "ascending",
            "descending",
            "inclusive",
            "exclusive",
            "asynchronously");

    private DescriptionSemantics() {}

    /**
     * @param parameters the tool's input property names (a changed sentence mentioning one is about arguments)
     */
    static boolean changesMeaning(String before, String after, Set<String> parameters) {
        List<Set<String>> removed = changedSentences(before, after);
        List<Set<String>> added = changedSentences(after, before);
        Set<String> params = new HashSet<>();
        parameters.forEach(p -> params.add(p.toLowerCase(Locale.ROOT)));
        for (Set<String> sentence : removed) {
            if (semantic(sentence, bestMatch(sentence, added), params)) {
                return true;
            }
        }
        for (Set<String> sentence : added) {
            Set<String> counterpart = bestMatch(sentence, removed);
            if (jaccard(sentence, counterpart) >= REWORDING && semantic(sentence, counterpart, params)) {
                return true;
            }
        }
        return false;
    }

    /** Sentences of {@code text} (as word sets) that do not appear in {@code other}. */
    private static List<Set<String>> changedSentences(String text, String other) {
        Set<Set<String>> others = new HashSet<>(sentences(other));
        List<Set<String>> changed = new ArrayList<>();
        for (Set<String> sentence : sentences(text)) {
            if (!others.contains(sentence)) {
                changed.add(sentence);
            }
        }
        return changed;
    }

    private static List<Set<String>> sentences(String text) {
        List<Set<String>> result = new ArrayList<>();
        for (String sentence : SENTENCES.split(text.strip())) {
            Set<String> words = new LinkedHashSet<>(Arrays.asList(WORDS.split(sentence.toLowerCase(Locale.ROOT))));
            words.remove("");
            if (!words.isEmpty()) {
                result.add(words);
            }
        }
        return result;
    }

    private static Set<String> bestMatch(Set<String> sentence, List<Set<String>> candidates) {
        Set<String> best = Set.of();
        double bestScore = -1;
        for (Set<String> candidate : candidates) {
            double score = jaccard(sentence, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 1;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }

    /**
     * An edited sentence is semantic when the words that differ from its counterpart carry behaviour or name a
     * parameter; a removed sentence (no close counterpart) is semantic when it stated behaviour. Added sentences
     * without a counterpart are more documentation, not a change of meaning.
     */
    private static boolean semantic(Set<String> sentence, Set<String> counterpart, Set<String> params) {
        Set<String> differing = new HashSet<>(sentence);
        if (jaccard(sentence, counterpart) >= REWORDING) {
            differing.removeAll(counterpart);
            Set<String> other = new HashSet<>(counterpart);
            other.removeAll(sentence);
            differing.addAll(other);
            return differing.stream().anyMatch(BEHAVIOUR::contains)
                    || differing.stream().anyMatch(params::contains);
        }
        return sentence.stream().anyMatch(BEHAVIOUR::contains);
    }
}
