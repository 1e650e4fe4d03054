package io.streamlens.inference.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.ingest.SampleMedia;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Debian's sample videos with sound run through the whole speech path without errors. */
class RealMediaSpeechTest {

    @ParameterizedTest
    @ValueSource(strings = {SampleMedia.COCKATOO, SampleMedia.PHONE_1080P})
    void realSoundtracksAreTranscribedWithinTheirTimeSpan(String media) throws Exception {
        List<VideoSegment> segments = new ArrayList<>();
        long videoUs;
        try (Segmenter segmenter = Segmenter.open(SampleMedia.file(media).toString(), SegmenterOptions.DEFAULTS)) {
            videoUs = segmenter.forEach(s -> segments.add(
                    new VideoSegment("real", s.seq(), s.startUs(), s.container(), s.last(), media, s.bytes()))).videoUs();
        }
        List<PcmChunk> chunks = SpeechClips.decode(segments);
        assertThat(chunks).isNotEmpty();

        List<Word> words;
        try (SpeechModel model = SpeechModel.acquire(SpeechClips.CACHE)) {
            words = SpeechClips.transcribe(model, chunks);
        }
        // No speech is known to be in these clips; whatever is heard must lie within the audio.
        long firstUs = chunks.get(0).startUs();
        long lastUs = chunks.get(chunks.size() - 1).endUs();
        System.out.println(media + ": audio " + firstUs + ".." + lastUs + " us of " + videoUs + " us video, heard " + words);
        assertThat(words).as("words heard outside the audio").filteredOn(w -> w.startUs() < firstUs || w.startUs() > lastUs).isEmpty();
    }
}
