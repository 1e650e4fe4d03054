package io.streamlens.inference.perception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LineLayoutTest {

    @Test
    void mergesTouchingWordsOfOneLine() {
        TextBox speaker = new TextBox(100, 700, 240, 60);
        TextBox ada = new TextBox(350, 702, 90, 58);
        TextBox lovelace = new TextBox(455, 698, 230, 64);

        assertThat(LineLayout.mergeLines(List.of(lovelace, speaker, ada)))
                .containsExactly(new TextBox(100, 698, 585, 64));
    }

    @Test
    void keepsLinesAboveEachOtherApart() {
        TextBox first = new TextBox(30, 30, 300, 30);
        TextBox second = new TextBox(30, 75, 300, 30);

        assertThat(LineLayout.mergeLines(List.of(first, second))).containsExactly(first, second);
    }

    @Test
    void keepsDistantBlocksOnTheSameRowApart() {
        TextBox left = new TextBox(20, 20, 100, 24);
        TextBox right = new TextBox(500, 20, 100, 24);

        assertThat(LineLayout.mergeLines(List.of(left, right))).hasSize(2);
    }

    @Test
    void keepsATitleApartFromSmallTextBesideIt() {
        TextBox title = new TextBox(20, 20, 300, 80);
        TextBox small = new TextBox(330, 40, 80, 20);

        assertThat(LineLayout.mergeLines(List.of(title, small))).hasSize(2);
    }

    @Test
    void ordersRowsTopToBottomAndBoxesLeftToRight() {
        TextBox topRight = new TextBox(400, 22, 100, 20);
        TextBox topLeft = new TextBox(20, 20, 100, 24);
        TextBox bottom = new TextBox(10, 100, 100, 20);

        assertThat(LineLayout.readingOrder(List.of(bottom, topRight, topLeft), Function.identity()))
                .containsExactly(topLeft, topRight, bottom);
    }
}
