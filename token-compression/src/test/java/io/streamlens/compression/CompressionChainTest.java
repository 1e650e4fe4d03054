package io.streamlens.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressionChainTest {

    @Test
    void parsesOperationsInTheDeclaredOrder() {
        CompressionChain chain = CompressionChain.parse("pool:2:max, temporal:0.9,merge:64:exact,budget:256");

        assertThat(chain.operations()).containsExactly(
                new SpatialPool(2, SpatialPool.Mode.MAX),
                new TemporalPrune(0.9),
                new SimilarityMerge(64, SimilarityMerge.Matching.EXACT),
                new NoveltyBudget(256));
        assertThat(chain).hasToString("pool:2:max,temporal:0.9,merge:64:exact,budget:256");
        assertThat(CompressionChain.parse(chain.toString())).isEqualTo(chain);
    }

    @Test
    void defaultsAreAveragePoolingAndLocalMerging() {
        assertThat(CompressionChain.parse("pool:2,merge:9").operations()).containsExactly(
                new SpatialPool(2, SpatialPool.Mode.AVERAGE), new SimilarityMerge(9, SimilarityMerge.Matching.SKETCH));
    }

    @Test
    void anEmptyChainIsTheIdentity() {
        List<TokenGrid> window = Grids.randomWindow(3, 4, 5, 6, new SplittableRandom(11));

        Compressed same = CompressionChain.parse("").run(window);

        assertThat(CompressionChain.parse(" ").operations()).isEmpty();
        assertThat(same.keptTokens()).isEqualTo(60);
        assertThat(same.reduction()).isZero();
        for (int f = 0; f < 3; f++) {
            assertThat(same.tokens().frame(f).values()).containsExactly(window.get(f).values());
        }
        Fidelity fidelity = Fidelity.measure(window, same);
        assertThat(fidelity.meanCosine()).isEqualTo(1.0);
        assertThat(fidelity.p5Cosine()).isEqualTo(1.0);
    }

    @Test
    void refusesAnUnknownOperationNamingIt() {
        assertThatThrownBy(() -> CompressionChain.parse("pool:2,foo:3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown operation 'foo' in 'pool:2,foo:3'");
    }

    @Test
    void refusesAPoolStrideBelowOne() {
        assertThatThrownBy(() -> CompressionChain.parse("pool:0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool needs a stride ≥ 1, got '0' in 'pool:0'");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "pool:two               => pool needs a stride ≥ 1, got 'two'",
            "pool                   => pool takes 1 to 2 arguments (pool:<stride>[:avg|:max]), got 0",
            "pool:2:median          => pool mode must be 'avg' or 'max', got 'median'",
            "shuffle:0              => shuffle needs a factor ≥ 1, got '0'",
            "temporal:1.5           => temporal needs a threshold in (0, 1], got '1.5'",
            "temporal:              => temporal needs a threshold in (0, 1], got ''",
            "merge:0                => merge needs a token count ≥ 1, got '0'",
            "merge:8:far            => merge matching must be 'sketch' or 'exact', got 'far'",
            "budget:-1              => budget needs a token count ≥ 1, got '-1'",
            "budget:3:4             => budget takes 1 argument (budget:<tokens per window>), got 2",
            "pool:2,,budget:3       => empty operation",
            "temporal:0.9,pool:2    => pool must come before temporal",
            "merge:8,shuffle:2      => shuffle must come before merge",
    })
    void refusesABadChainNamingTheBadPart(String chain, String problem) {
        assertThatThrownBy(() -> CompressionChain.parse(chain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(problem)
                .hasMessageEndingWith(" in '" + chain + "'");
    }

    @Test
    void aModelPackCanRefuseAnOperationItsProjectorDoesNotAccept() {
        CompressionChain chain = CompressionChain.parse("shuffle:2,temporal:0.9");

        assertThatThrownBy(() -> chain.validateFor(Set.of("pool", "temporal", "merge", "budget")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain 'shuffle:2,temporal:0.9' uses 'shuffle', which the model pack does not accept"
                        + " (it accepts: budget, merge, pool, temporal)");
        assertThat(chain.validateFor(CompressionChain.OPERATIONS)).isSameAs(chain);
    }

    @Test
    void operationsBuiltInCodeFollowTheSameOrderRule() {
        assertThatThrownBy(() -> CompressionChain.of(new NoveltyBudget(5), new PixelShuffle(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("shuffle must come before budget");
    }

    @Test
    void aChainSurvivesJavaSerializationAsFlinkShipsFunctions() throws Exception {
        CompressionChain chain = CompressionChain.parse("pool:2:max,shuffle:2,temporal:0.8,merge:9:exact,budget:30");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(chain);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(chain);
        }
    }
}
