package io.streamlens.sampler.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.sampler.DecodeException;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Turns decoded audio frames of any format, rate and layout into 16 kHz mono 16-bit samples
 * ({@link PcmChunk}'s format) with FFmpeg's resampler, set up again whenever a frame's format
 * changes mid-stream.
 */
final class MonoResampler implements AutoCloseable {
    private final AVChannelLayout mono = new AVChannelLayout();
    private final AVChannelLayout inputLayout = new AVChannelLayout();
    private final PointerPointer<ShortPointer> output = new PointerPointer<>(1);
    private SwrContext resampler;
    private int inputFormat = -1;
    private int inputRate = -1;
    private ShortPointer samples = new ShortPointer(0L);

    MonoResampler() {
        av_channel_layout_default(mono, 1);
    }

    /** The frame's sound as 16 kHz mono samples (possibly none, while the resampler fills its filter). */
    short[] convert(AVFrame frame) throws DecodeException {
        prepareFor(frame);
        int capacity = swr_get_out_samples(resampler, frame.nb_samples());
        if (capacity < 0) {
            throw damaged("swr_get_out_samples error " + capacity);
        }
        if (samples.capacity() < capacity) {
            samples.close();
            samples = new ShortPointer(Math.max(capacity, 2L * samples.capacity()));
        }
        output.put(0, samples);
        int produced = swr_convert(resampler, output, capacity, frame.extended_data(), frame.nb_samples());
        if (produced < 0) {
            throw damaged("swr_convert error " + produced);
        }
        short[] pcm = new short[produced];
        samples.position(0).get(pcm);
        return pcm;
    }

    private void prepareFor(AVFrame frame) throws DecodeException {
        if (resampler != null && frame.format() == inputFormat && frame.sample_rate() == inputRate
                && av_channel_layout_compare(frame.ch_layout(), inputLayout) == 0) {
            return;
        }
        freeResampler();
        resampler = new SwrContext(null);
        int ret = swr_alloc_set_opts2(resampler, mono, AV_SAMPLE_FMT_S16, PcmChunk.SAMPLE_RATE,
                frame.ch_layout(), frame.format(), frame.sample_rate(), 0, null);
        if (ret >= 0) {
            ret = swr_init(resampler);
        }
        if (ret < 0) {
            throw damaged("the resampler refuses " + frame.sample_rate() + " Hz, format " + frame.format()
                    + ", " + frame.ch_layout().nb_channels() + " channel(s) (error " + ret + ")");
        }
        inputFormat = frame.format();
        inputRate = frame.sample_rate();
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_copy(inputLayout, frame.ch_layout());
    }

    private static DecodeException damaged(String why) {
        return new DecodeException(DeadLetterReason.DAMAGED, "audio resampling failed: " + why, null);
    }

    private void freeResampler() {
        if (resampler != null && !resampler.isNull()) {
            swr_free(resampler);
        }
        resampler = null;
    }

    @Override
    public void close() {
        freeResampler();
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_uninit(mono);
        samples.close();
        output.close();
    }
}
