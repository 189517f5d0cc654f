package io.vivarium.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Writes records and maps as compact JSON for events and bus summaries, with every non-finite
 * number (NaN, ±Infinity) as {@code null} so the text is always valid JSON. Thread-safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule("finite-numbers")
          .addSerializer(Double.class, new FiniteDouble()).addSerializer(Double.TYPE, new FiniteDouble())
          .addSerializer(Float.class, new FiniteFloat()).addSerializer(Float.TYPE, new FiniteFloat()))
      .build();

  private Json() {}

  /** {@code value} as compact JSON text; a value Jackson cannot write is an {@link IllegalArgumentException}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName())
          + " as JSON: " + e.getOriginalMessage() + "; give a record or a map of plain values", e);
    }
  }

  private static final class FiniteDouble extends JsonSerializer<Double> {
    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (Double.isFinite(v)) {
        g.writeNumber(v);
      } else {
        g.writeNull();
      }
    }
  }

  private static final class FiniteFloat extends JsonSerializer<Float> {
    @Override
    public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (Float.isFinite(v)) {
        g.writeNumber(v);
      } else {
        g.writeNull();
      }
    }
  }
}
