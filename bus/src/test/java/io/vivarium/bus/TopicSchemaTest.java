package io.vivarium.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicSchemaTest {
  private final TopicSchema schema = new TopicSchema("lab-1");

  @Test
  void buildsTheDocumentedTopics() {
    assertThat(schema.topic(Topics.TEXT_TO_PARENT, "a7"))
        .isEqualTo("vivarium/lab-1/agents/a7/text:to_parent");
    assertThat(schema.topic(Topics.REWARD_FROM_PARENT, "a7"))
        .isEqualTo("vivarium/lab-1/agents/a7/reward:from_parent");
    assertThat(schema.topic(Topics.VIDEO_FROM_WORLD, "a7"))
        .isEqualTo("vivarium/lab-1/agents/a7/video:from_world");
    assertThat(schema.topic(Topics.TOUCH_WORLD, "a7"))
        .isEqualTo("vivarium/lab-1/agents/a7/touch:world");
    assertThat(schema.topic(Topics.EVENTS, "")).isEqualTo("vivarium/lab-1/events");
    assertThat(schema.topic(Topics.BYTE_COUNTS, "a7")).isEqualTo("vivarium/lab-1/bytecounts/a7");
    assertThat(schema.topic(Topics.ENTROPY, "")).isEqualTo("vivarium/lab-1/entropy");
    assertThat(schema.filter(Topics.BYTE_COUNTS, "+")).isEqualTo("vivarium/lab-1/bytecounts/+");
    assertThat(schema.filter(Topics.TEXT_FROM_PARENT, "+"))
        .isEqualTo("vivarium/lab-1/agents/+/text:from_parent");
  }

  @Test
  void parsesEveryTopicItBuilds() {
    for (Topic<?> t : Topics.ALL) {
      String agent = t.scope().hasAgent() ? "agent-3.b_c" : "";
      TopicSchema.Address a = schema.parse(schema.topic(t, agent)).orElseThrow();
      assertThat(a.topic()).isSameAs(t);
      assertThat(a.agent()).isEqualTo(agent);
    }
  }

  @Test
  void foreignOrBrokenTopicsParseToNothing() {
    assertThat(schema.parse("vivarium/other/events")).isEmpty();
    assertThat(schema.parse("vivarium/lab-1/agents/a1/smell:from_world")).isEmpty();
    assertThat(schema.parse("vivarium/lab-1/agents/a1/text:to_parent/extra")).isEmpty();
    assertThat(schema.parse("vivarium/lab-1/bytecounts")).isEmpty();
    assertThat(schema.parse("elsewhere")).isEmpty();
  }

  @Test
  void badNamesAreRejectedWithTheRule() {
    assertThatThrownBy(() -> new TopicSchema("Lab"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colony name").hasMessageContaining("'Lab'");
    assertThatThrownBy(() -> schema.topic(Topics.TEXT_TO_PARENT, "a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent id").hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> schema.topic(Topics.TEXT_TO_PARENT, "+"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.topic(Topics.EVENTS, "a1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colony-wide");
  }

  @Test
  void brokerUrlsParseOrExplain() {
    assertThat(BrokerUrl.parse("tcp://127.0.0.1:1883")).isEqualTo(
        new BrokerUrl(false, "127.0.0.1", 1883));
    assertThat(BrokerUrl.parse("ssl://broker.example:8883").tls()).isTrue();
    assertThatThrownBy(() -> BrokerUrl.parse("mqtt://host:1883"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tcp://HOST:PORT").hasMessageContaining("mqtt://host:1883");
    assertThatThrownBy(() -> BrokerUrl.parse("tcp://host:70000"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
