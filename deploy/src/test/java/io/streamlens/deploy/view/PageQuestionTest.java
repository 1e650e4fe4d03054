package io.streamlens.deploy.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.records.Query;
import io.streamlens.records.QueryFilter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the page's ask box posts is untrusted: read field by field, bounded, never a crash. */
class PageQuestionTest {

    @Test
    void aQuestionWithFiltersIsReadAndEmptyFiltersLimitNothing() {
        Query q = PageQuestion.read("{\"question\":\"when?\",\"streamId\":\"cam\",\"object\":\"dog\",\"text\":\"GATE\",\"said\":\"\"}", "id-1");
        assertThat(q.queryId()).isEqualTo("id-1");
        assertThat(q.streamId()).isEqualTo("cam");
        assertThat(q.filter()).isEqualTo(new QueryFilter("dog", "GATE", null));
        assertThat(PageQuestion.read("{\"question\":\"x\",\"object\":\"\",\"text\":null}", "id-2").filter()).isNull();
    }

    @Test
    void wrongTypedOverlongOrMissingFieldsAreRefusedWithAReason() {
        assertThatThrownBy(() -> PageQuestion.read("{\"question\":\"x\",\"said\":[\"help\"]}", "i"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("said");
        assertThatThrownBy(() -> PageQuestion.read("{\"question\":\"x\",\"text\":\"" + "a".repeat(QueryFilter.MAX_CHARS + 1) + "\"}", "i"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> PageQuestion.read("{\"object\":\"dog\"}", "i")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageQuestion.read("file:///etc/passwd", "i")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageQuestion.read("null", "i")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomBodiesEitherGiveAQuestionOrAReasonNeverAnotherFailure() {
        Random random = new Random(17);
        String alphabet = "{}[]\":,questionobjectsaidtextstreamIdfromMs0123456789 -null";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(80); n > 0; n--) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                assertThat(PageQuestion.read(body.toString(), "q").queryId()).isEqualTo("q");
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }
}
