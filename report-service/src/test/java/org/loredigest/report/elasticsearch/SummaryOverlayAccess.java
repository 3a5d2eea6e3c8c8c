package org.loredigest.report.elasticsearch;

import java.util.List;
import java.util.Map;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadSummarised;

/** Lets tests in other packages lay a model's answer over a topic as the repository does. */
public final class SummaryOverlayAccess {

    private SummaryOverlayAccess() {
    }

    public static ThreadClassified overlay(ThreadClassified topic, ThreadSummarised answer) {
        return SummaryStore.overlay(List.of(topic), Map.of(answer.threadId(), answer), EventJson.mapper()).get(0);
    }
}
