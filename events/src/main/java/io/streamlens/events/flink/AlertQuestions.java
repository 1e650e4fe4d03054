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
        // A query that could not be read goes to the caption memory, which answers with its problem.
        return aboutAlerts == (query.problem() == null && AlertAnswers.asksAboutAlerts(query.question()));
    }
}
