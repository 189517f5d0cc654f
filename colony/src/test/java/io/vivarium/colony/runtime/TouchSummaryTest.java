package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.core.Json;
import org.junit.jupiter.api.Test;

class TouchSummaryTest {
  private static TouchSummary summary(String scene, String touch, double fitness) {
    return new TouchSummary(1000, "a0001", "gold", "gold-bare-6x6", 40, 3, fitness, 0.5, 0, 0.25, "t\"x",
        "héllo\n", scene, touch, new TouchSummary.Machine(Double.NaN, 2, 100),
        new TouchSummary.BusCounts(0, 1, 2, 3, 4));
  }

  @Test
  void writesTheVersionOneKeysInOrderAndValidJsonForNonFiniteNumbers() throws Exception {
    String json = Json.write(summary("#..#", null, Double.NaN));
    assertThat(json).startsWith("{\"format\":\"vivarium.touch\",\"version\":1,\"time\":1000,\"agent\":\"a0001\","
        + "\"world\":\"gold\",\"preset\":\"gold-bare-6x6\",\"envSteps\":40,\"episodes\":3,\"fitness\":null,");
    JsonNode n = new ObjectMapper().readTree(json);
    assertThat(n.get("text").asText()).isEqualTo("t\"x");
    assertThat(n.get("heard").asText()).isEqualTo("héllo\n");
    assertThat(n.get("scene").asText()).isEqualTo("#..#");
    assertThat(n.has("touch")).isFalse();
    assertThat(n.get("machine").get("load").isNull()).isTrue();
    assertThat(n.get("bus").get("malformed").asLong()).isEqualTo(4);
  }

  @Test
  void omitsTheSceneOfAWorldWithoutOne() throws Exception {
    JsonNode n = new ObjectMapper().readTree(Json.write(summary(null, "AAE=", 1.5)));
    assertThat(n.has("scene")).isFalse();
    assertThat(n.get("touch").asText()).isEqualTo("AAE=");
    assertThat(n.get("fitness").asDouble()).isEqualTo(1.5);
  }
}
