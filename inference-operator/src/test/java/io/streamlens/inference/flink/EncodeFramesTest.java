package io.streamlens.inference.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.junit.jupiter.api.Test;

class EncodeFramesTest {

    /** Collects what the function hands to Flink. */
    private static final class Collected implements ResultFuture<EncodedFrame> {
        final CompletableFuture<List<EncodedFrame>> done = new CompletableFuture<>();

        @Override
        public void complete(Collection<EncodedFrame> result) {
            done.complete(new ArrayList<>(result));
        }

        @Override
        public void complete(CollectionSupplier<EncodedFrame> supplier) {
            try {
                complete(supplier.get());
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }

        @Override
        public void completeExceptionally(Throwable error) {
            done.completeExceptionally(error);
        }
    }

    @Test
    void encodesGoodFramesAndTurnsBadOnesIntoReasonsInsteadOfFailures() throws Exception {
        int packsBefore = SharedSessions.openPacks();
        EncodeFrames function = new EncodeFrames("tiny-color", RuntimeOptions.defaults());
        function.open(DefaultOpenContext.INSTANCE);
        Collected good = new Collected();
        Collected bad = new Collected();

        function.asyncInvoke(new FrameToEncode("cam-1", 40, RgbImage.filled(64, 36, 0, 200, 0)), good);
        function.asyncInvoke(new FrameToEncode("cam-2", 80, RgbImage.filled(3, 3, 0, 200, 0)), bad);

        EncodedFrame encoded = good.done.get(30, TimeUnit.SECONDS).get(0);
        EncodedFrame failed = bad.done.get(30, TimeUnit.SECONDS).get(0);
        assertThat(encoded.ok()).isTrue();
        assertThat(encoded.streamId()).isEqualTo("cam-1");
        assertThat(encoded.visualTokens().count()).isEqualTo(16);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.streamId()).isEqualTo("cam-2");
        assertThat(failed.failureReason()).isEqualTo("image-too-small");
        assertThat(failed.failureDetail()).contains("3x3");

        function.close();
        assertThat(SharedSessions.openPacks()).isEqualTo(packsBefore);
    }

    @Test
    void canBeShippedToTaskManagers() throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(new EncodeFrames("perception", RuntimeOptions.defaults()));
        }
    }

    @Test
    void recordsAreFlinkPojosNotKryoBlobs() {
        assertThat(TypeInformation.of(EncodedFrame.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(FrameToEncode.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
