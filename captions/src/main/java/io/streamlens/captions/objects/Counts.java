package io.streamlens.captions.objects;

import java.util.List;

/** Counts of things in plain English: "one person", "three people", "a car and two bicycles". */
public final class Counts {

    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"};

    private Counts() {
    }

    /**
     * {@code count} things of a label: "three people", "two dogs", "12 cars"; for one, people are
     * counted ("one person", as the perception captions already say) and things take an article
     * ("a car", "an umbrella").
     */
    public static String of(int count, String label) {
        if (count < 1) {
            throw new IllegalArgumentException("a count of things seen is at least one, got " + count + " " + label);
        }
        if (count == 1) {
            return label.equals("person") ? "one person" : CocoNouns.withArticle(label);
        }
        return number(count) + " " + CocoNouns.plural(label);
    }

    /** "one" … "twelve", then digits. */
    public static String number(int n) {
        return n >= 0 && n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n);
    }

    /** "a", "a and b", "a, b and c". */
    public static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
