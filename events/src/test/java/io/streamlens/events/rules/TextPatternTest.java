package io.streamlens.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPatternTest {
    @Test
    void shouldFindThePatternAnywhereInALineWithoutCase() {
        TextPattern platform = new TextPattern("PLATFORM");
        assertThat(platform.matches("Platform 12")).isTrue();
        assertThat(platform.matches("to platform 9")).isTrue();
        assertThat(platform.matches("PLATE FORM")).isFalse();
    }

    @Test
    void shouldTakeStarAndQuestionMarkAsWildcardsAndEverythingElseLiterally() {
        assertThat(new TextPattern("gate ?").matches("GATE 7 closed")).isTrue();
        assertThat(new TextPattern("exit*north").matches("EXIT TO THE NORTH")).isTrue();
        assertThat(new TextPattern("a.b").matches("axb")).isFalse();
        assertThat(new TextPattern("a.b").matches("a.b")).isTrue();
        assertThat(new TextPattern("(x+)+$").matches("(x+)+$ in a regex book")).isTrue();
    }

    /** The pattern a regex engine backtracks on for ever is a plain quadratic walk here. */
    @Test
    void shouldMatchAPathologicalPatternAgainstALongLineInBoundedSteps() {
        String pattern = "a*".repeat(99) + "b";
        String line = "a".repeat(10_000);
        assertThat(new TextPattern(pattern).matches(line)).isFalse();
        assertThat(new TextPattern(pattern).matches("a".repeat(400) + "b")).isTrue();
        assertThat(new TextPattern(pattern).matches("a".repeat(600) + "b")).as("lines are read up to 500 characters").isFalse();
    }
}
