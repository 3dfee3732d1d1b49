package dev.mcpver.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Pairs removed and added items that are the same thing under a new name. A pair is scored by name similarity plus
 * the caller's evidence (equal schemas, equal descriptions); pairs below the threshold stay removal + addition.
 * Greedy by score with a total tie-break, so the result is deterministic.
 */
final class Renames {
    private Renames() {}

    /** A candidate pair and how sure we are (0..2). */
    record Candidate(String from, String to, double score) {}

    /**
     * @param evidence score for a (removed, added) pair, or a negative number when they cannot be the same item
     */
    static Map<String, String> match(
            List<String> removed,
            List<String> added,
            Map<String, String> hints,
            BiFunction<String, String, Double> evidence) {
        Map<String, String> result = new LinkedHashMap<>();
        Set<String> usedTargets = new HashSet<>();
        for (Map.Entry<String, String> hint : hints.entrySet()) {
            if (removed.contains(hint.getKey()) && added.contains(hint.getValue())) {
                result.put(hint.getKey(), hint.getValue());
                usedTargets.add(hint.getValue());
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String from : removed) {
            for (String to : added) {
                double score = evidence.apply(from, to);
                if (score >= 0 && !result.containsKey(from) && !usedTargets.contains(to)) {
                    candidates.add(new Candidate(from, to, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparing(Candidate::from)
                .thenComparing(Candidate::to));
        for (Candidate candidate : candidates) {
            if (!result.containsKey(candidate.from()) && usedTargets.add(candidate.to())) {
                result.put(candidate.from(), candidate.to());
            }
        }
        return result;
    }

    /** Name similarity in 0..1: the better of token overlap and normalised edit distance. */
    static double similarity(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return Math.max(tokens(a, b), 1.0 - (double) distance(x, y) / Math.max(1, Math.max(x.length(), y.length())));
    }

    private static double tokens(String a, String b) {
        Set<String> x = split(a);
        Set<String> y = split(b);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        long common = x.stream().filter(y::contains).count();
        return union.isEmpty() ? 0 : (double) common / union.size();
    }

    private static Set<String> split(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        Set<String> parts = new HashSet<>(List.of(spaced.split("[^a-z0-9]+")));
        parts.remove("");
        return parts;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
