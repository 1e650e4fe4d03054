package io.streamlens.inference.speech.flink;

import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.runtime.SharedModels;
import io.streamlens.inference.speech.ModelCache;
import io.streamlens.inference.speech.RealTimeFactor;
import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.inference.speech.StreamTranscriber;
import io.streamlens.inference.speech.VoicedTranscriber;
import io.streamlens.inference.speech.Word;
import io.streamlens.inference.voice.SileroVad;
import io.streamlens.inference.voice.VadSettings;
import io.streamlens.inference.voice.VadState;
import io.streamlens.inference.voice.VoiceActivity;
import io.streamlens.records.AudioSpan;
import io.streamlens.records.BacklogLevel;
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
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Listens to each stream's audio, segment by segment, and says which words were spoken and when,
 * and what the audio held (speech, music or noise, silence). Voice activity (Silero VAD) hears
 * every segment; the recogniser hears only the voiced spans, so music and silence cost almost
 * nothing and are not turned into invented words. A stream's recogniser lives in memory and hears
 * its segments in order, so a word cut by a segment boundary is still one word; the voice state
 * and the audio the recogniser has not finished with are kept in RocksDB, so after a restore the
 * stream goes on mid-utterance and no word is lost. One record comes out per segment, also when
 * there is nothing to hear, so the caption windows always know how far the stream's speech is
 * complete. A live job whose speech falls behind its streams stops transcribing (speech is the last
 * thing it gives up), then, if still behind, stops decoding the audio, until it has caught up; the
 * caption then says someone spoke but not what, or nothing of the sound, and its evidence why.
 */
public class TranscribeSpeech extends KeyedProcessFunction<String, VideoSegment, SegmentSpeech> {
    /** The speech operator's shedding levels: 1 stops transcribing, 2 stops decoding and hearing the audio at all. */
    static final int NOT_TRANSCRIBED = 1;
    static final int NOT_LISTENED = 2;

    private final boolean enabled;
    private final long idleTimeoutMs;
    private final String modelCache;
    private final long latencyTargetMs;
    private transient SpeechModel model;
    private transient SharedModels.Handle<SileroVad> vadModel;
    private transient VoiceActivity voiceActivity;
    private transient AudioDecoder decoder;
    private transient Map<String, StreamTranscriber> transcribers;
    private transient ValueState<PcmChunk> pending;
    private transient ValueState<VadState> voice;
    private transient ValueState<Long> idleTimer;
    private transient RealTimeFactor realTime;
    private transient BacklogLevel backlog;

    /** @param enabled false to report "speech recognition off" for every segment without decoding audio */
    public TranscribeSpeech(boolean enabled, Duration idleTimeout) {
        this(enabled, idleTimeout, null);
    }

    /** @param modelCache where the speech model is unpacked, or null for {@link ModelCache#defaultRoot()} */
    public TranscribeSpeech(boolean enabled, Duration idleTimeout, String modelCache) {
        this(enabled, idleTimeout, modelCache, 0);
    }

    /**
     * @param latencyTargetMs a live job's target: while segments reach this operator later than
     *     this after their arrival and it is the busy one, voiced audio is not transcribed (voice
     *     activity still says what the audio held); 0: always transcribed
     */
    public TranscribeSpeech(boolean enabled, Duration idleTimeout, String modelCache, long latencyTargetMs) {
        this.enabled = enabled;
        this.idleTimeoutMs = idleTimeout.toMillis();
        this.modelCache = modelCache;
        this.latencyTargetMs = latencyTargetMs;
    }

    @Override
    public void open(OpenContext context) {
        transcribers = new HashMap<>();
        pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-audio", PcmChunk.class));
        voice = getRuntimeContext().getState(new ValueStateDescriptor<>("voice-activity", VadState.class));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("speech-idle-timer", Types.LONG));
        realTime = new RealTimeFactor(32);
        backlog = new BacklogLevel(latencyTargetMs, NOT_LISTENED, System::currentTimeMillis);
        StreamLensMetrics.of(getRuntimeContext()).gauge(StreamLensMetrics.SPEECH_REAL_TIME_FACTOR, realTime::value);
        if (enabled) {
            Uninterruptible.loadFfmpeg();
            model = Uninterruptible.call("load the speech model", () -> SpeechModel.acquire(
                    modelCache == null ? ModelCache.defaultRoot() : java.nio.file.Path.of(modelCache)));
            // Silero is tiny: one intra-op thread, shared by every slot of the JVM.
            vadModel = SharedModels.acquire("silero-vad", RuntimeOptions.defaults().withIntraOpThreads(1), SileroVad::open);
            voiceActivity = new VoiceActivity(vadModel.model(), VadSettings.RECOGNITION);
            decoder = new AudioDecoder();
        }
    }

    @Override
    public void processElement(VideoSegment segment, Context ctx, Collector<SegmentSpeech> out) throws Exception {
        if (!enabled) {
            out.collect(speech(segment, Long.MAX_VALUE, List.of(), "speech recognition off", List.of()));
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
        VoicedTranscriber ears = new VoicedTranscriber(voiceActivity, transcriber);
        VadState state = voice.value() == null ? VadState.initial() : voice.value();
        int shed = backlog.observe(stream, BacklogLevel.arrivalOf(ctx.timestamp()));
        long listening = System.nanoTime();
        backlog.workBegins();
        Listened listened;
        try {
            listened = shed >= NOT_LISTENED && !segment.last() ? Listened.nothing(state, AudioSpan.NOT_LISTENED)
                    : listen(segment, ears, state, shed < NOT_TRANSCRIBED);
        } finally {
            backlog.workEnds();
        }
        long listenedNanos = System.nanoTime() - listening;
        // segments without audio say nothing of the recogniser's speed
        listened.audio().forEach(heard -> realTime.heard(heard.endUs() - heard.startUs(), listenedNanos));
        words.addAll(listened.words());
        if (segment.last()) {
            words.addAll(ears.finish(listened.state()));
            forget(stream, ctx);
            out.collect(speech(segment, Long.MAX_VALUE, words, listened.note(), listened.audio()));
            return;
        }
        voice.update(listened.state());
        pending.update(transcriber.pendingAudio());
        out.collect(speech(segment, listened.heardUntilUs(), words, listened.note(), listened.audio()));
        rearmIdleTimer(ctx);
    }

    /**
     * What listening to a segment gave: its words, what its audio held, how far speech is complete,
     * the voice state after it, and why nothing could be heard ("" when its audio was heard).
     */
    private record Listened(List<Word> words, List<AudioSpan> audio, long heardUntilUs, VadState state, String note) {
        static Listened nothing(VadState state, String note) {
            return new Listened(List.of(), List.of(), Long.MAX_VALUE, state, note);
        }
    }

    private Listened listen(VideoSegment segment, VoicedTranscriber ears, VadState state, boolean transcribe) {
        SegmentAudio audio;
        try {
            audio = decoder.decode(segment);
        } catch (DecodeException e) {
            return Listened.nothing(state, "audio unreadable: " + e.getMessage());
        }
        if (audio instanceof SegmentAudio.Missing missing) {
            return Listened.nothing(state, missing.reason());
        }
        List<PcmChunk> chunks = ((SegmentAudio.Pcm) audio).chunks();
        if (chunks.isEmpty()) {
            return Listened.nothing(state, "no audio in this segment");
        }
        VoicedTranscriber.Heard heard = ears.hear(state, chunks, transcribe);
        AudioSpan span = new AudioSpan(chunks.get(0).startUs(), chunks.get(chunks.size() - 1).endUs(), heard.kind().label);
        String note = transcribe || !heard.kind().label.equals(AudioSpan.SPEECH) ? "" : AudioSpan.NOT_TRANSCRIBED;
        return new Listened(heard.words(), List.of(span), heard.heardUntilUs(), heard.state(), note);
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
        voice.clear();
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

    private static SegmentSpeech speech(VideoSegment segment, long heardUntilUs, List<Word> words, String note,
                                        List<AudioSpan> audio) {
        return new SegmentSpeech(segment.streamId(), segment.seq(), segment.last(), heardUntilUs, words.stream()
                .map(w -> new SpokenWord(w.text(), w.startUs() / 1000, w.endUs() / 1000, w.confidence())).toList(), note, audio);
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
        if (vadModel != null) {
            vadModel.close();
        }
    }
}
