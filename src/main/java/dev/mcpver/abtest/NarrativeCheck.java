package dev.mcpver.abtest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does a narrative contradict the decision? Two checks: the action the writer states must be the decision's, and
 * no sentence may recommend another action. A sentence recommends an action when it carries a directive cue
 * ({@code recommend}, {@code should}, {@code decision:} …) and names the action ({@code promote}, {@code roll
 * back} …) with no negation before it ({@code not}, {@code n't}, {@code instead of} …). The wording check is a
 * deliberately narrow heuristic: the stated action is the real contract; this catches a model that states one
 * action and argues for another.
 */
final class NarrativeCheck {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern CUE = Pattern.compile(
            "\\b(recommend\\w*|should|must|we will|we'll|i suggest|suggest\\w*|next step|go ahead|action:|"
                    + "decision:|verdict:)");
    private static final Pattern NEGATION =
            Pattern.compile("\\b(not|no|never|cannot|without)\\b|n't\\b|instead of|rather than|premature");
    private static final Pattern PROMOTE =
            Pattern.compile("\\b(promot\\w*|ship\\w*|roll(ing)? ?out|rollout|adopt\\w*|switch to)\\b");
    private static final Pattern ROLLBACK = Pattern.compile("\\b(roll(ing)?[ -]?back|revert\\w*)\\b");
    private static final Pattern HALT = Pattern.compile("\\b(halt\\w*|stop (the experiment|routing))\\b");
    private static final Pattern CONTINUE =
            Pattern.compile("\\b(continu\\w*|keep (running|collecting)|collect(ing)? more|wait(ing)? for more)\\b");

    private NarrativeCheck() {}

    /** Why the draft contradicts the decision, or empty when it agrees. */
    static Optional<String> contradiction(Decision decision, NarrativeWriter.NarrativeDraft draft) {
        if (draft.action() != decision.action()) {
            return Optional.of("the draft recommends " + draft.action().wireName() + " but the decision is "
                    + decision.action().wireName());
        }
        for (String sentence : List.of(SENTENCE_END.split(draft.text()))) {
            String lower = sentence.toLowerCase(Locale.ROOT);
            for (Action other : Action.values()) {
                if (other != decision.action() && recommends(lower, other)) {
                    return Optional.of("the sentence \"" + sentence.strip() + "\" recommends " + other.wireName()
                            + " but the decision is " + decision.action().wireName());
                }
            }
        }
        return Optional.empty();
    }

    private static Pattern phrases(Action action) {
        switch (action) {
            case PROMOTE:
                return PROMOTE;
            case ROLLBACK:
                return ROLLBACK;
            case HALT:
                return HALT;
            default:
                return CONTINUE;
        }
    }

    private static boolean recommends(String sentence, Action action) {
        if (!CUE.matcher(sentence).find()) {
            return false;
        }
        Matcher phrase = phrases(action).matcher(sentence);
        while (phrase.find()) {
            if (!NEGATION.matcher(sentence.substring(0, phrase.start())).find()) {
                return true;
            }
        }
        return false;
    }
}
