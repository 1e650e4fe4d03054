package io.streamlens.captions.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CocoNounsTest {

    /** Every COCO-80 label as the detector names it, with the plural a caption should use. */
    private static final Map<String, String> COCO_PLURALS = new LinkedHashMap<>();

    static {
        String[][] pairs = {
            {"person", "people"}, {"bicycle", "bicycles"}, {"car", "cars"}, {"motorcycle", "motorcycles"},
            {"airplane", "airplanes"}, {"bus", "buses"}, {"train", "trains"}, {"truck", "trucks"}, {"boat", "boats"},
            {"traffic light", "traffic lights"}, {"fire hydrant", "fire hydrants"}, {"stop sign", "stop signs"},
            {"parking meter", "parking meters"}, {"bench", "benches"}, {"bird", "birds"}, {"cat", "cats"},
            {"dog", "dogs"}, {"horse", "horses"}, {"sheep", "sheep"}, {"cow", "cows"}, {"elephant", "elephants"},
            {"bear", "bears"}, {"zebra", "zebras"}, {"giraffe", "giraffes"}, {"backpack", "backpacks"},
            {"umbrella", "umbrellas"}, {"handbag", "handbags"}, {"tie", "ties"}, {"suitcase", "suitcases"},
            {"frisbee", "frisbees"}, {"skis", "pairs of skis"}, {"snowboard", "snowboards"},
            {"sports ball", "sports balls"}, {"kite", "kites"}, {"baseball bat", "baseball bats"},
            {"baseball glove", "baseball gloves"}, {"skateboard", "skateboards"}, {"surfboard", "surfboards"},
            {"tennis racket", "tennis rackets"}, {"bottle", "bottles"}, {"wine glass", "wine glasses"},
            {"cup", "cups"}, {"fork", "forks"}, {"knife", "knives"}, {"spoon", "spoons"}, {"bowl", "bowls"},
            {"banana", "bananas"}, {"apple", "apples"}, {"sandwich", "sandwiches"}, {"orange", "oranges"},
            {"broccoli", "heads of broccoli"}, {"carrot", "carrots"}, {"hot dog", "hot dogs"}, {"pizza", "pizzas"},
            {"donut", "donuts"}, {"cake", "cakes"}, {"chair", "chairs"}, {"couch", "couches"},
            {"potted plant", "potted plants"}, {"bed", "beds"}, {"dining table", "dining tables"},
            {"toilet", "toilets"}, {"tv", "TVs"}, {"laptop", "laptops"}, {"mouse", "mice"}, {"remote", "remotes"},
            {"keyboard", "keyboards"}, {"cell phone", "cell phones"}, {"microwave", "microwaves"}, {"oven", "ovens"},
            {"toaster", "toasters"}, {"sink", "sinks"}, {"refrigerator", "refrigerators"}, {"book", "books"},
            {"clock", "clocks"}, {"vase", "vases"}, {"scissors", "pairs of scissors"}, {"teddy bear", "teddy bears"},
            {"hair drier", "hair driers"}, {"toothbrush", "toothbrushes"},
        };
        for (String[] pair : pairs) {
            COCO_PLURALS.put(pair[0], pair[1]);
        }
    }

    @Test
    void everyCocoLabelHasTheRightPlural() {
        assertThat(COCO_PLURALS).hasSize(80);
        COCO_PLURALS.forEach((label, plural) -> assertThat(CocoNouns.plural(label)).as(label).isEqualTo(plural));
    }

    @ParameterizedTest
    @CsvSource({
        "apple, an apple", "orange, an orange", "umbrella, an umbrella", "elephant, an elephant", "oven, an oven",
        "airplane, an airplane", "hair drier, a hair drier", "hot dog, a hot dog", "car, a car", "tv, a TV",
        "skis, a pair of skis", "scissors, a pair of scissors", "broccoli, a head of broccoli", "person, a person",
    })
    void singularsTakeTheArticleTheirSoundAsksFor(String label, String expected) {
        assertThat(CocoNouns.withArticle(label)).isEqualTo(expected);
    }

    @Test
    void labelsOutsideCocoFollowTheRegularRules() {
        assertThat(CocoNouns.plural("box")).isEqualTo("boxes");
        assertThat(CocoNouns.plural("pony")).isEqualTo("ponies");
        assertThat(CocoNouns.plural("toy")).isEqualTo("toys");
        assertThat(CocoNouns.withArticle("unicycle")).isEqualTo("a unicycle");
    }
}
