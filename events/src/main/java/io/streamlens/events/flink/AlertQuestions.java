package io.streamlens.events.flink;

import io.streamlens.events.alerts.AlertAnswers;
import io.streamlens.records.Query;
import org.apache.flink.api.common.functions.FilterFunction;

/** Splits questions: those about alerts go to {@link AnswerFromAlerts}, the others to the caption memory. */
public class AlertQuestions implements FilterFunction<Query> {
    private final boolean aboutAlerts;

    private AlertQuestions(boolean aboutAlerts) {
        this.aboutAlerts = aboutAlerts;
    }

    public static AlertQuestions aboutAlerts() {
        return new AlertQuestions(true);
    }

    public static AlertQuestions aboutCaptions() {
        return new AlertQuestions(false);
    }

    @Override
    public boolean filter(Query query) {
        return aboutAlerts == (wellFormed(query) && AlertAnswers.asksAboutAlerts(query.question()));
    }

    /** A query with a problem goes to the caption memory, which answers saying what is wrong with it. */
    private static boolean wellFormed(Query query) {
        return query.problem() == null && query.question() != null && query.question().length() <= Query.MAX_QUESTION_CHARS
                && (query.fromMs() == null || query.toMs() == null || query.fromMs() <= query.toMs());
    }
}
