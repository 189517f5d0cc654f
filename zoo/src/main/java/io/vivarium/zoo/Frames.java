package io.vivarium.zoo;

import io.vivarium.colony.runtime.AgentFrame;
import io.vivarium.core.Channel;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Png;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns observations and agent frames into the JSON the page draws. The page draws the world
 * from the observation's own bytes: the picture when the world draws one (raw RGB when small, a
 * PNG when large, such as the terminal's 480 × 192 screen), else the video channel's symbolic
 * grid (a square of cell codes, as the gold world sends). Stateless; thread-safe.
 */
final class Frames {
  /** Pictures whose raw RGB is larger than this go as PNG; a PNG larger than it is left out (the grid is drawn instead). */
  static final int MAX_IMAGE_BYTES = 256 * 1024;

  private Frames() {}

  /**
   * What to draw of {@code o}: {@code video} (base64), {@code side}, {@code text}, and its picture
   * as {@code image} (raw RGB) when small, else as {@code png} (base64) unless even that is too large.
   */
  static Map<String, Object> view(Observation o) {
    Map<String, Object> out = new LinkedHashMap<>();
    byte[] video = o.bytes(Channel.VIDEO);
    out.put("video", Base64.getEncoder().encodeToString(video));
    int side = (int) Math.round(Math.sqrt(video.length));
    out.put("side", side * side == video.length ? side : 0);
    out.put("text", new String(o.bytes(Channel.TEXT), StandardCharsets.UTF_8));
    Image image = o.image();
    if (image != null && image.rgb().length <= MAX_IMAGE_BYTES) {
      out.put("image", Map.of("width", image.width(), "height", image.height(),
          "rgb", Base64.getEncoder().encodeToString(image.rgb())));
    } else if (image != null) {
      byte[] png = Png.encode(image);
      if (png.length <= MAX_IMAGE_BYTES) {
        out.put("png", Map.of("width", image.width(), "height", image.height(),
            "data", Base64.getEncoder().encodeToString(png)));
      }
    }
    return out;
  }

  /** A live frame of an agent as JSON. */
  static Map<String, Object> live(AgentFrame f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", f.agent());
    out.put("state", f.state());
    out.put("envSteps", f.envSteps());
    out.put("episodes", f.episodes());
    out.put("fitness", f.fitness());
    out.put("view", view(f.observation()));
    out.put("drawing", f.drawing());
    out.put("lastAction", unsigned(f.lastAction()));
    out.put("lastActionText", printable(f.lastAction()));
    out.put("lastReward", f.lastReward());
    out.put("recentActions", f.recentActions());
    out.put("textIn", f.textIn());
    out.put("textOut", f.textOut());
    out.put("hidden", f.hidden());
    out.put("timeMillis", f.timeMillis());
    return out;
  }

  /** Bytes as numbers 0–255. */
  static int[] unsigned(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] & 0xFF;
    }
    return out;
  }

  /** Bytes as text, non-printable ones as {@code \xNN}. */
  static String printable(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      int c = x & 0xFF;
      if (c >= 32 && c < 127) {
        s.append((char) c);
      } else {
        s.append(String.format("\\x%02x", c));
      }
    }
    return s.toString();
  }
}
