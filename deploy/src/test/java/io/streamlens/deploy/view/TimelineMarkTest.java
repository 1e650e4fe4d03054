package io.streamlens.deploy.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineMarkTest {
    @Test
    void anAlertKeepsItsIdRuleAndTimes() {
        TimelineMark mark = TimelineMark.read(TimelineMark.ALERT, """
                {"alertId":"a/1","ruleId":"dog-in-yard","streamId":"yard","startMs":1000,"endMs":5000,
                 "text":"A dog was in the yard for 4 s","evidence":{"objects":[]}}""");
        assertThat(mark).isEqualTo(new TimelineMark("alert", "a/1", "yard", 1000, 5000, "dog-in-yard", "A dog was in the yard for 4 s"));
    }

    @Test
    void aChapterIsKnownByItsStreamAndStart() {
        TimelineMark mark = TimelineMark.read(TimelineMark.CHAPTER, """
                {"streamId":"yard","startMs":0,"endMs":60000,"title":"Morning","text":"Quiet yard.","evidence":{}}""");
        assertThat(mark.id()).isEqualTo("yard/0");
        assertThat(mark.title()).isEqualTo("Morning");
    }

    @Test
    void recordsThatAreNotMarksAreRefused() {
        for (String json : new String[] {"", "[]", "null", "{\"streamId\":\"s\"}", "{\"streamId\":\"\",\"startMs\":0,\"endMs\":1}",
                "{\"streamId\":\"s\",\"startMs\":5,\"endMs\":1}", "{\"streamId\":\"s\",\"startMs\":-1,\"endMs\":1}",
                "{\"streamId\":\"s\",\"startMs\":\"soon\",\"endMs\":1}", "{not json"}) {
            assertThat(TimelineMark.read(TimelineMark.CHAPTER, json)).as(json).isNull();
        }
    }

    @Test
    void longTextIsClipped() {
        TimelineMark mark = TimelineMark.read(TimelineMark.CHAPTER,
                "{\"streamId\":\"s\",\"startMs\":0,\"endMs\":1,\"text\":\"" + "x".repeat(100_000) + "\"}");
        assertThat(mark.text()).hasSize(TimelineMark.MAX_TEXT_CHARS + 1);
    }
}
