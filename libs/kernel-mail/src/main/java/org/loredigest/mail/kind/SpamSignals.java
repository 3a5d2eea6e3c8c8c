package org.loredigest.mail.kind;

import java.util.List;
import java.util.Locale;

/**
 * Scores the scam mail that slips through kernel lists: advance-fee and "investment" letters, usually HTML,
 * shouting subjects, money words, and none of the marks of kernel mail (diffs, trailers, code, threads).
 */
final class SpamSignals {

    private static final List<String> MONEY_WORDS = List.of("barrister", "beneficiar", "inheritance", "lottery", "million",
            "usd", "us$", "investment", "investor", "loan", "bank account", "next of kin", "god bless", "urgent",
            "confidential", "compensation", "donation", "charity", "dear friend", "dear sir", "whatsapp",
            "further details", "relief", "fund", "orphan", "motherless", "widow", "mrs ", "business proposal", "profit", "money", "united nations", "proposal", "benefit", "kindly", "beloved",
            "selected", "chosen", "full details", "western union", "atm card", "covid-19 relief");
    private static final List<String> KERNEL_WORDS = List.of("signed-off-by", "diff --git", "kernel", "patch", "commit",
            "config_", "mm/", "cgroup", "memcg", "()", "->");

    private SpamSignals() {
    }

    static boolean spam(MailFacts facts) {
        if (facts.patch().hasDiff() || !facts.trailers().isEmpty() || facts.subject().patch() || facts.subject().rfc()
                || facts.pullRequest() != null) {
            return false;
        }
        if (facts.threaded() && !facts.htmlOnly()) {
            return false; // scams start threads; a plain-text reply is kernel traffic
        }
        int score = 0;
        if (facts.htmlOnly()) {
            score += 2;
        }
        String subject = facts.subject().full();
        if (shouting(subject)) {
            score += 2;
        }
        if (subject.contains("!!") || subject.contains("$")) {
            score += 1;
        }
        String from = facts.from() == null ? "" : facts.from().name();
        String text = (from + "\n" + subject + "\n" + facts.text()).toLowerCase(Locale.ROOT);
        if (asksForReplyElsewhere(text, facts.from() == null ? "" : facts.from().email())) {
            score += 2;
        }
        int money = 0;
        for (String w : MONEY_WORDS) {
            if (text.contains(w)) {
                money++;
            }
        }
        score += Math.min(money, 4);
        int kernel = 0;
        for (String w : KERNEL_WORDS) {
            if (text.contains(w)) {
                kernel++;
            }
        }
        score -= Math.min(kernel * 2, 6);
        if (facts.threaded()) {
            score -= 2;
        }
        return score >= 4;
    }

    /** "reply to someone@elsewhere" or "contact: x@gmail.com": the scammer's real address. */
    private static boolean asksForReplyElsewhere(String text, String fromEmail) {
        for (String cue : List.of("reply to", "contact:", "contact me", "email:")) {
            int at = text.indexOf(cue);
            if (at >= 0) {
                int end = Math.min(text.length(), at + cue.length() + 80);
                String window = text.substring(at, end);
                int sign = window.indexOf('@');
                if (sign > 0 && !window.contains(fromEmail.isEmpty() ? "\u0000" : fromEmail)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean shouting(String subject) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 8 && upper * 10 >= letters * 7 && subject.indexOf('[') < 0;
    }
}
