package io.streamlens.deploy.cli;

import io.streamlens.ingest.SegmentPublisher.PublishReport;

/** One-line summaries for the terminal. */
final class Reports {
    private Reports() {
    }

    static void print(PublishReport r) {
        String status = r.deadLetter().map(d -> "  ✗ " + d.reason() + ": " + d.detail()).orElse("");
        System.out.printf("published %-24s %4d segments, %7.1f s of video%s%n", r.streamId(), r.segments(), r.videoUs() / 1e6, status);
    }
}
