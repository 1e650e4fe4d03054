package io.streamlens.inference.speech.flink;

import io.streamlens.inference.speech.ModelCache;
import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.inference.speech.StreamTranscriber;
import io.streamlens.inference.speech.Word;
import io.streamlens.records.SegmentSpeech;
import io.streamlens.records.SpokenWord;
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
    /** Quieter than this (peak, of 32767) is silence, not speech too soft to hear. */
    static final int SILENCE_PEAK = 300;
    /**
     * Caption windows wait for an unfinished utterance at most this long; words finished later
     * than that still reach later windows' evidence only if they start inside them.
     */
    static final long MAX_CAPTION_WAIT_US = 6_000_000L;
    /**
     * A segment's audio may end a frame or so before its pictures; windows ending in that gap
     * close with this segment rather than the next.
     */
    static final long END_SLACK_US = 100_000L;

    private final boolean enabled;
    private final long idleTimeoutMs;
    private transient SpeechModel model;
    private transient AudioDecoder decoder;
    private transient Map<String, StreamTranscriber> transcribers;
    private transient ValueState<PcmChunk> pending;
    private transient ValueState<Long> idleTimer;

    /** @param enabled false to report "speech recognition off" for every segment without decoding audio */
    public TranscribeSpeech(boolean enabled, Duration idleTimeout) {
        this.enabled = enabled;
        this.idleTimeoutMs = idleTimeout.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        transcribers = new HashMap<>();
        pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-audio", PcmChunk.class));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("speech-idle-timer", Types.LONG));
        if (enabled) {
            Uninterruptible.loadFfmpeg();
            model = Uninterruptible.call("load the speech model", () -> SpeechModel.acquire(ModelCache.defaultRoot()));
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
        Heard heard = listen(segment, transcriber, words);
        String note = heard.note();
        if (segment.last()) {
            words.addAll(transcriber.flush());
            forget(stream, ctx);
            out.collect(speech(segment, Long.MAX_VALUE, words, note));
            return;
        }
        long heardUntil = heard.endUs() == Long.MAX_VALUE ? Long.MAX_VALUE
                : transcriber.pendingUs() == 0 ? heard.endUs() + END_SLACK_US
                : Math.max(transcriber.finalUntilUs(), heard.endUs() - MAX_CAPTION_WAIT_US);
        pending.update(transcriber.pendingAudio());
        out.collect(speech(segment, heardUntil, words, note));
        rearmIdleTimer(ctx);
    }

    /**
     * What listening to a segment gave: why nothing could be heard ("" when it was listened to),
     * and where its audio ends ({@link Long#MAX_VALUE} when it has none, so it holds nothing back).
     */
    private record Heard(String note, long endUs) {
    }

    private Heard listen(VideoSegment segment, StreamTranscriber transcriber, List<Word> words) {
        SegmentAudio audio;
        try {
            audio = decoder.decode(segment);
        } catch (DecodeException e) {
            return new Heard("audio unreadable: " + e.getMessage(), Long.MAX_VALUE);
        }
        if (audio instanceof SegmentAudio.Missing missing) {
            return new Heard(missing.reason(), Long.MAX_VALUE);
        }
        List<PcmChunk> chunks = ((SegmentAudio.Pcm) audio).chunks();
        if (chunks.isEmpty()) {
            return new Heard("no audio in this segment", Long.MAX_VALUE);
        }
        int peak = 0;
        for (PcmChunk chunk : chunks) {
            words.addAll(transcriber.accept(chunk.startUs(), chunk.samples()));
            peak = Math.max(peak, peak(chunk.samples()));
        }
        return new Heard(peak < SILENCE_PEAK && words.isEmpty() ? "silent audio" : "", chunks.get(chunks.size() - 1).endUs());
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

    private static int peak(short[] samples) {
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs((int) s));
        }
        return peak;
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
