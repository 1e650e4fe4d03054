package io.streamlens.inference.speech.flink;

import io.streamlens.inference.speech.ModelCache;
import io.streamlens.inference.speech.RealTimeFactor;
import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.inference.speech.StreamTranscriber;
import io.streamlens.inference.speech.Word;
import io.streamlens.records.SegmentSpeech;
import io.streamlens.records.SpokenWord;
import io.streamlens.records.StreamLensMetrics;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.DecodeException;
import io.streamlens.sampler.Uninterruptible;
import io.streamlens.sampler.audio.AudioDecoder;
import io.streamlens.sampler.audio.PcmChunk;
import io.streamlens.sampler.audio.SegmentAudio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Listens to each stream's audio, segment by segment, and says which words were spoken and when.
 * A stream's recogniser lives in memory and hears its segments in order, so a word cut by a
 * segment boundary is still one word; the audio it has not finished with is kept in RocksDB, so
 * after a restore a fresh recogniser hears it again and no word is lost. One record comes out per
 * segment, also when there is nothing to hear, so the caption windows always know how far the
 * stream's speech is complete.
 */
public class TranscribeSpeech extends KeyedProcessFunction<String, VideoSegment, SegmentSpeech> {
    private final boolean enabled;
    private final long idleTimeoutMs;
    private final String modelCache;
    private transient SpeechModel model;
    private transient AudioDecoder decoder;
    private transient Map<String, StreamTranscriber> transcribers;
    private transient ValueState<PcmChunk> pending;
    private transient ValueState<Long> idleTimer;
    private transient RealTimeFactor realTime;

    /** @param enabled false to report "speech recognition off" for every segment without decoding audio */
    public TranscribeSpeech(boolean enabled, Duration idleTimeout) {
        this(enabled, idleTimeout, null);
    }

    /** @param modelCache where the speech model is unpacked, or null for {@link ModelCache#defaultRoot()} */
    public TranscribeSpeech(boolean enabled, Duration idleTimeout, String modelCache) {
        this.enabled = enabled;
        this.idleTimeoutMs = idleTimeout.toMillis();
        this.modelCache = modelCache;
    }

    @Override
    public void open(OpenContext context) {
        transcribers = new HashMap<>();
        pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-audio", PcmChunk.class));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("speech-idle-timer", Types.LONG));
        realTime = new RealTimeFactor(32);
        StreamLensMetrics.of(getRuntimeContext()).gauge(StreamLensMetrics.SPEECH_REAL_TIME_FACTOR, realTime::value);
        if (enabled) {
            Uninterruptible.loadFfmpeg();
            model = Uninterruptible.call("load the speech model", () -> SpeechModel.acquire(
                    modelCache == null ? ModelCache.defaultRoot() : java.nio.file.Path.of(modelCache)));
            decoder = new AudioDecoder();
        }
    }

    @Override
    public void processElement(VideoSegment segment, Context ctx, Collector<SegmentSpeech> out) throws Exception {
        if (!enabled) {
            out.collect(speech(segment, Long.MAX_VALUE, List.of(), "speech recognition off"));
            return;
        }
        String stream = segment.streamId();
        List<Word> words = new ArrayList<>();
        StreamTranscriber transcriber = transcribers.get(stream);
        if (transcriber == null) {
            transcriber = new StreamTranscriber(model);
            transcribers.put(stream, transcriber);
            PcmChunk saved = pending.value();
            if (saved != null) {
                words.addAll(transcriber.restore(saved)); // after a restore: hear again what the lost recogniser had not finished
            }
        }
        long listening = System.nanoTime();
        Listened listened = listen(segment, transcriber);
        StreamTranscriber.Heard heard = listened.heard();
        if (heard.endUs() != Long.MAX_VALUE) { // MAX_VALUE: the segment had no audio to hear
            realTime.heard(heard.endUs() - segment.startUs(), System.nanoTime() - listening);
        }
        words.addAll(heard.words());
        String note = !listened.note().isEmpty() ? listened.note() : heard.silent() && words.isEmpty() ? "silent audio" : "";
        if (segment.last()) {
            words.addAll(transcriber.flush());
            forget(stream, ctx);
            out.collect(speech(segment, Long.MAX_VALUE, words, note));
            return;
        }
        pending.update(transcriber.pendingAudio());
        out.collect(speech(segment, transcriber.heardUntilUs(heard.endUs()), words, note));
        rearmIdleTimer(ctx);
    }

    /** What listening to a segment gave, and why nothing could be heard ("" when its audio was heard). */
    private record Listened(StreamTranscriber.Heard heard, String note) {
    }

    private Listened listen(VideoSegment segment, StreamTranscriber transcriber) {
        SegmentAudio audio;
        try {
            audio = decoder.decode(segment);
        } catch (DecodeException e) {
            return new Listened(StreamTranscriber.Heard.nothing(), "audio unreadable: " + e.getMessage());
        }
        if (audio instanceof SegmentAudio.Missing missing) {
            return new Listened(StreamTranscriber.Heard.nothing(), missing.reason());
        }
        List<PcmChunk> chunks = ((SegmentAudio.Pcm) audio).chunks();
        if (chunks.isEmpty()) {
            return new Listened(StreamTranscriber.Heard.nothing(), "no audio in this segment");
        }
        return new Listened(transcriber.hear(chunks), "");
    }

    /** A stream gone quiet: its recogniser and saved audio are dropped, as its caption windows are. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SegmentSpeech> out) throws Exception {
        forget(ctx.getCurrentKey(), ctx);
    }

    private void forget(String stream, Context ctx) throws Exception {
        StreamTranscriber transcriber = transcribers.remove(stream);
        if (transcriber != null) {
            transcriber.close();
        }
        cancelIdleTimer(ctx);
        pending.clear();
        idleTimer.clear();
    }

    private void cancelIdleTimer(Context ctx) throws Exception {
        Long timer = idleTimer.value();
        if (timer != null) {
            ctx.timerService().deleteProcessingTimeTimer(timer);
        }
    }

    private void rearmIdleTimer(Context ctx) throws Exception {
        cancelIdleTimer(ctx);
        long next = ctx.timerService().currentProcessingTime() + idleTimeoutMs;
        ctx.timerService().registerProcessingTimeTimer(next);
        idleTimer.update(next);
    }

    private static SegmentSpeech speech(VideoSegment segment, long heardUntilUs, List<Word> words, String note) {
        return new SegmentSpeech(segment.streamId(), segment.seq(), segment.last(), heardUntilUs, words.stream().map(w -> new SpokenWord(w.text(), w.startUs() / 1000, w.endUs() / 1000,
                        w.confidence())).toList(), note);
    }

    @Override
    public void close() {
        if (transcribers != null) {
            transcribers.values().forEach(StreamTranscriber::close);
            transcribers.clear();
        }
        if (model != null) {
            model.close();
        }
    }
}
