package org.loredigest.classify.domain.summary.llm;

/** The provider gave no usable answer after every allowed try, or the daily budget is spent. */
public final class LlmUnavailableException extends Exception {

    public LlmUnavailableException(String message) {
        super(message);
    }

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
