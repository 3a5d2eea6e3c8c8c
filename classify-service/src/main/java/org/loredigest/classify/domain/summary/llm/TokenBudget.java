package org.loredigest.classify.domain.summary.llm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Tokens spent per UTC day. A request is let through while the day's spending is under the budget; what it really
 * cost is added afterwards, so one request may overshoot by at most its own size.
 */
public final class TokenBudget {

    private final long dailyTokens;
    private final Clock clock;
    private LocalDate day;
    private long spent;

    public TokenBudget(long dailyTokens, Clock clock) {
        this.dailyTokens = dailyTokens;
        this.clock = clock;
        this.day = today();
    }

    public synchronized boolean available() {
        rollOver();
        return dailyTokens <= 0 || spent < dailyTokens;
    }

    public synchronized void spend(long tokens) {
        rollOver();
        spent += tokens;
    }

    public synchronized long spentToday() {
        rollOver();
        return spent;
    }

    private void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            spent = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
