package io.streamlens.captions.flink;

import io.streamlens.records.Caption;
import io.streamlens.records.CaptionedWindow;
import org.apache.flink.api.common.functions.MapFunction;

/** The caption of a captioned window, for the captions topic. */
public class CaptionOf implements MapFunction<CaptionedWindow, Caption> {
    @Override
    public Caption map(CaptionedWindow window) {
        return window.caption();
    }
}
