package io.streamlens.deploy;

import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.Summary;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where the job's results go; the CLI modes and the tests plug in their own. */
public interface JobOutputs {
    void frames(DataStream<SampledFrame> frames);

    void captions(DataStream<Caption> captions);

    void answers(DataStream<Answer> answers);

    /** Episodes of alert rules, opened and closed. */
    void alerts(DataStream<Alert> alerts);

    /** Rolling summaries of each stream. */
    void summaries(DataStream<Summary> summaries);

    void deadLetters(DataStream<DeadLetter> deadLetters);
}
