package io.vivarium.bus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.core.Event;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The payload formats of the bus (docs/bus.md has the byte layouts). Frames meant for
 * machines carry a magic number or format name and a version; text and rewards are plain
 * UTF-8 so that people can type them with any MQTT tool ({@code mosquitto_pub -m 0.5}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Codecs {
  /** Largest text payload, in bytes. */
  public static final int MAX_TEXT = 64 * 1024;
  /** Largest raw byte payload (motor, touch), in bytes. */
  public static final int MAX_BYTES = 1024 * 1024;
  /** Largest video frame, in bytes. */
  public static final int MAX_FRAME = 4 * 1024 * 1024;
  /** Largest reward magnitude accepted from people. */
  public static final double MAX_REWARD = 1e9;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private Codecs() {}

  /** Strict UTF-8 text, at most {@link #MAX_TEXT} bytes. */
  public static final Codec<String> TEXT = new Codec<>() {
    @Override
    public byte[] encode(String value) {
      return checkSize(value.getBytes(StandardCharsets.UTF_8), MAX_TEXT, "text");
    }

    @Override
    public String decode(byte[] bytes) {
      return utf8(checkSize(bytes, MAX_TEXT, "text"), "text");
    }
  };

  /** A finite decimal number as UTF-8 text, e.g. {@code 0.5} or {@code -1}. */
  public static final Codec<Double> REWARD = new Codec<>() {
    @Override
    public byte[] encode(Double value) {
      return Double.toString(checkReward(value, String.valueOf(value)))
          .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Double decode(byte[] bytes) {
      String text = utf8(checkSize(bytes, 64, "reward"), "reward").strip();
      double v;
      try {
        v = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "reward must be a decimal number such as 0.5 or -1; got '" + text + "'");
      }
      return checkReward(v, text);
    }
  };

  /** Opaque bytes (motor actions, touch vectors), at most {@link #MAX_BYTES}. */
  public static final Codec<byte[]> BYTES = new Codec<>() {
    @Override
    public byte[] encode(byte[] value) {
      return checkSize(value, MAX_BYTES, "byte payload").clone();
    }

    @Override
    public byte[] decode(byte[] bytes) {
      return checkSize(bytes, MAX_BYTES, "byte payload");
    }
  };

  /** A PNG image (its own signature is the magic), at most {@link #MAX_FRAME} bytes. */
  public static final Codec<byte[]> PNG_FRAME = new Codec<>() {
    @Override
    public byte[] encode(byte[] value) {
      return checkPng(value).clone();
    }

    @Override
    public byte[] decode(byte[] bytes) {
      return checkPng(bytes);
    }
  };

  /** A RIFF/WAVE file (its {@code RIFF....WAVE} header is the magic), at most {@link #MAX_BYTES}. */
  public static final Codec<byte[]> WAV = new Codec<>() {
    @Override
    public byte[] encode(byte[] value) {
      return checkWav(value).clone();
    }

    @Override
    public byte[] decode(byte[] bytes) {
      return checkWav(bytes);
    }
  };

  private static byte[] checkWav(byte[] b) {
    checkSize(b, MAX_BYTES, "WAV payload");
    if (b.length < 12 || b[0] != 'R' || b[1] != 'I' || b[2] != 'F' || b[3] != 'F' || b[8] != 'W' || b[9] != 'A'
        || b[10] != 'V' || b[11] != 'E') {
      throw new IllegalArgumentException("a WAV payload must start with RIFF....WAVE; got " + b.length + " bytes"
          + " that do not; send a WAV file");
    }
    return b;
  }

  /** {@link Event}s as a JSON object with {@code "format":"vivarium.event","version":1}. */
  public static final Codec<Event> EVENT = new Codec<>() {
    @Override
    public byte[] encode(Event e) {
      ObjectNode o = header("vivarium.event");
      o.put("time", e.timeMillis()).put("kind", e.kind()).put("agent", e.agent());
      o.set("details", parse(e.json().getBytes(StandardCharsets.UTF_8), "event details"));
      return write(o);
    }

    @Override
    public Event decode(byte[] bytes) {
      JsonNode o = checkHeader(parse(checkSize(bytes, MAX_TEXT, "event"), "event"),
          "vivarium.event");
      JsonNode details = o.path("details");
      if (!details.isObject()) {
        throw new IllegalArgumentException("event field 'details' must be a JSON object");
      }
      return new Event(number(o, "time").longValue(), string(o, "kind"), string(o, "agent"),
          details.toString());
    }
  };

  /** {@link ByteCounts} in their binary form (magic {@code VBCN}, version 1). */
  public static final Codec<ByteCounts> BYTE_COUNTS = new Codec<>() {
    @Override
    public byte[] encode(ByteCounts value) {
      return value.encode();
    }

    @Override
    public ByteCounts decode(byte[] bytes) {
      return ByteCounts.decode(bytes);
    }
  };

  /** {@link ColonyEntropy} as JSON with {@code "format":"vivarium.entropy","version":1}. */
  public static final Codec<ColonyEntropy> ENTROPY = new Codec<>() {
    @Override
    public byte[] encode(ColonyEntropy e) {
      ObjectNode o = header("vivarium.entropy");
      o.put("time", e.timeMillis()).put("agents", e.agents()).put("bytes", e.bytes())
          .put("bits", e.bits());
      return write(o);
    }

    @Override
    public ColonyEntropy decode(byte[] bytes) {
      JsonNode o = checkHeader(parse(checkSize(bytes, MAX_TEXT, "entropy"), "entropy"),
          "vivarium.entropy");
      return new ColonyEntropy(number(o, "time").longValue(), number(o, "agents").intValue(),
          number(o, "bytes").longValue(), number(o, "bits").doubleValue());
    }
  };

  // ---------------------------------------------------------------------------------------

  private static byte[] checkSize(byte[] bytes, int max, String what) {
    if (bytes.length > max) {
      throw new IllegalArgumentException(
          what + " payload must be at most " + max + " bytes; got " + bytes.length);
    }
    return bytes;
  }

  private static String utf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " payload must be valid UTF-8; it is not");
    }
  }

  private static double checkReward(double v, String text) {
    if (!Double.isFinite(v) || Math.abs(v) > MAX_REWARD) {
      throw new IllegalArgumentException(
          "reward must be a finite number between -" + MAX_REWARD + " and " + MAX_REWARD
              + "; got '" + text + "'");
    }
    return v;
  }

  private static byte[] checkPng(byte[] bytes) {
    checkSize(bytes, MAX_FRAME, "video frame");
    if (bytes.length < PNG.length || !Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length)) {
      throw new IllegalArgumentException(
          "video frame must be a PNG image (starting with the PNG signature); it is not");
    }
    return bytes;
  }

  private static ObjectNode header(String format) {
    return JSON.createObjectNode().put("format", format).put("version", 1);
  }

  private static JsonNode checkHeader(JsonNode o, String format) {
    if (!o.isObject() || !format.equals(o.path("format").asText())) {
      throw new IllegalArgumentException(
          "payload must be a JSON object with \"format\":\"" + format + "\"; got "
              + abbreviate(o.toString()));
    }
    int version = o.path("version").asInt(-1);
    if (version != 1) {
      throw new IllegalArgumentException(
          format + " version " + o.path("version") + " is unknown; this build reads version 1");
    }
    return o;
  }

  private static JsonNode parse(byte[] bytes, String what) {
    try {
      JsonNode n = JSON.readTree(bytes);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(what + " payload must be a JSON object");
      }
      return n;
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          what + " payload must be JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(what + " payload cannot be read: " + e.getMessage());
    }
  }

  private static JsonNode number(JsonNode o, String field) {
    JsonNode n = o.path(field);
    if (!n.isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be a number; got " + n);
    }
    return n;
  }

  private static String string(JsonNode o, String field) {
    JsonNode n = o.path(field);
    if (!n.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string; got " + n);
    }
    return n.textValue();
  }

  private static byte[] write(ObjectNode o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
