package io.vivarium.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {
  record Death(String reason, double fitness) {}

  record Rates(float rate, Double mean, List<Double> history) {}

  @Test
  void nanFitnessGivesValidJson() throws Exception {
    Event e = Event.of("death", "a0001", new Death("selection \"quoted\"", Double.NaN));
    JsonNode n = new ObjectMapper().readTree(e.json());
    assertThat(n.get("reason").asText()).isEqualTo("selection \"quoted\"");
    assertThat(n.get("fitness").isNull()).isTrue();
    assertThat(e.kind()).isEqualTo("death");
    assertThat(e.agent()).isEqualTo("a0001");
  }

  @Test
  void infinitiesBoxedAndInListsAreNull() throws Exception {
    Event e = Event.of("x", "", new Rates(Float.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, List.of(1.5, Double.NaN)));
    assertThat(e.json()).isEqualTo("{\"rate\":null,\"mean\":null,\"history\":[1.5,null]}");
  }

  @Test
  void mapKeysAndNullsAreKept() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parent", null);
    m.put("generation", 0);
    m.put("step", 12L);
    assertThat(Event.of("birth", "a0002", m).json()).isEqualTo("{\"parent\":null,\"generation\":0,\"step\":12}");
  }

  @Test
  void aNonObjectPayloadIsRefused() {
    assertThatThrownBy(() -> Event.of("x", "", List.of(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record or a map");
  }
}
