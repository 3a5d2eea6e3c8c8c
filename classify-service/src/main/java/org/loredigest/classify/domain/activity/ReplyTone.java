package org.loredigest.classify.domain.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.Alternation;
import org.loredigest.classify.domain.TextMemo;
import org.loredigest.events.ThreadClassified.MessageActivity;

/**
 * What a person's reply does — refuses (NAK), objects, asks, acks, or says it was applied — and the sentences that
 * show it. Read from the reply's own text (quotes are already removed), first match in that order of weight.
 */
final class ReplyTone {

    record Tone(String tone, String quote) {
    }

    private static final Pattern NAK = Pattern.compile("(?im)^\\s*Nack(?:ed)?-by:|\\bNA(?:C)?K\\b|\\bnacked\\b");
    static final Alternation OBJECTION = Alternation.compile(
            "\\b(?:i don't think|i do not think|i don't like|i'm not (?:sure|convinced|a fan)|not convinced|"
                    + "i disagree|disagree|this is wrong|that's wrong|is broken|this breaks|will break|would break|"
                    + "is racy|racy|unsafe|use-after-free|not safe|regress(?:es|ion)|doesn't work|does not work|"
                    + "concerned|concern is|my concern|objection|overkill|not the right|wrong approach|"
                    + "should not|shouldn't|cannot|can't accept|would rather|prefer (?:to|that|if)|instead of)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION = Pattern.compile("\\?(?:\\s|$)");
    private static final Pattern ACK = Pattern.compile("(?im)^\\s*(?:Acked-by|Reviewed-by|Tested-by):|\\bLGTM\\b|\\blooks good\\b");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'(])|\\n\\s*\\n");
    private static final Pattern SIGN_OFF = Pattern.compile("(?im)^(?:thanks|regards|cheers|best|--)\\b.*$");
    private static final int MIN_QUESTION_CHARS = 25;
    /** Code a reply proposes (diff lines, statements, preprocessor lines): never a sentence to quote. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*(?:[+\\-@#>|]|.*[;{}]\\s*$).*$\\n?");
    /** Tones of replies read before, one memo per kind of reading: every flush of a thread reads all its replies. */
    private static final TextMemo<Optional<Tone>> TONES = new TextMemo<>(4_096);
    private static final TextMemo<Optional<Tone>> APPLIED_TONES = new TextMemo<>(1_024);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILER_LINE = Pattern.compile("(?i)(?:[a-z-]+-by|cc|link|fixes|closes):.*");
    private static final Pattern APPLIED_CUE = Pattern.compile("(?i)appl|queue|pick|push|merg");

    private ReplyTone() {
    }

    /** The tone of a person's reply, or {@code null} when it only chats, thanks or carries trailers. */
    static Tone of(String text, boolean appliedStatement) {
        return (appliedStatement ? APPLIED_TONES : TONES)
                .apply(text == null ? "" : text, t -> Optional.ofNullable(read(t, appliedStatement))).orElse(null);
    }

    private static Tone read(String text, boolean appliedStatement) {
        String own = CODE_LINE.matcher(SIGN_OFF.matcher(text).replaceAll("")).replaceAll("").strip();
        if (appliedStatement) {
            return new Tone(MessageActivity.APPLIED, quote(own, APPLIED_CUE));
        }
        if (own.isEmpty()) {
            return null;
        }
        if (NAK.matcher(own).find()) {
            return new Tone(MessageActivity.NAK, quote(own, NAK));
        }
        if (OBJECTION.found(own)) {
            return new Tone(MessageActivity.OBJECTION, quote(own, OBJECTION.pattern()));
        }
        for (String sentence : sentences(own)) {
            if (QUESTION.matcher(sentence).find() && sentence.length() >= MIN_QUESTION_CHARS) {
                return new Tone(MessageActivity.QUESTION, clip(sentence));
            }
        }
        if (ACK.matcher(own).find()) {
            return new Tone(MessageActivity.ACK, null);
        }
        return null;
    }

    /** The sentence where the cue is, with the one after it when room is left. */
    static String quote(String text, Pattern cue) {
        List<String> sentences = sentences(text);
        for (int i = 0; i < sentences.size(); i++) {
            if (cue.matcher(sentences.get(i)).find()) {
                String quote = sentences.get(i);
                if (i + 1 < sentences.size() && quote.length() + sentences.get(i + 1).length() < MessageActivity.QUOTE_LIMIT - 1) {
                    quote = quote + " " + sentences.get(i + 1);
                }
                return clip(quote);
            }
        }
        return sentences.isEmpty() ? null : clip(sentences.get(0));
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE.split(text)) {
            String one = WHITESPACE.matcher(s).replaceAll(" ").strip();
            if (!one.isEmpty() && !TRAILER_LINE.matcher(one).matches()) {
                out.add(one);
            }
        }
        return out;
    }

    static String clip(String text) {
        if (text == null) {
            return null;
        }
        String one = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return one.length() <= MessageActivity.QUOTE_LIMIT ? one : one.substring(0, MessageActivity.QUOTE_LIMIT - 1) + "…";
    }
}
