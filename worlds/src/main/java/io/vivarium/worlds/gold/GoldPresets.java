package io.vivarium.worlds.gold;

import io.vivarium.core.world.Worlds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named gold presets. A name may carry modifiers: {@code +rgb} adds the RGB picture to
 * every observation, {@code +ego} puts the egocentric view on the video channel ({@code +egoK}
 * a view of side K), {@code +pixels} draws the picture at 4 pixels per cell and has brains read
 * it instead of the video bytes, e.g. {@code gold-bare-6x6+rgb+ego}, {@code gold-bare-8x8+ego9}
 * or {@code gold-bare-5x5+pixels}.
 *
 * <p>Immutable; thread-safe.
 */
public final class GoldPresets {
  private GoldPresets() {}

  private static final Map<String, GoldPreset> BY_NAME = new LinkedHashMap<>();

  static {
    add(GoldPreset.of("gold-bare-6x6", 6, 6, Layout.BARE, 1));
    add(GoldPreset.of("gold-bare-5x5", 5, 5, Layout.BARE, 1));
    add(GoldPreset.of("gold-bare-8x8", 8, 8, Layout.BARE, 1));
    add(GoldPreset.of("gold-bare-16x16", 16, 16, Layout.BARE, 1));
    add(GoldPreset.of("gold-walls-8x8", 8, 8, Layout.WALLS, 1));
    add(GoldPreset.of("gold-walls-12x12", 12, 12, Layout.WALLS, 1));
    add(GoldPreset.of("gold-rooms-11x11", 11, 11, Layout.ROOMS, 1));
    add(GoldPreset.of("gold-multi-8x8", 8, 8, Layout.BARE, 3));
  }

  private static void add(GoldPreset p) {
    BY_NAME.put(p.name(), p);
  }

  /** The known preset names, the default ({@code gold-bare-6x6}) first. */
  public static List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }

  /** The preset named {@code name}, with its modifiers applied; unknown names list the known. */
  public static GoldPreset get(String name) {
    String[] parts = name.split("\\+", -1);
    GoldPreset p = BY_NAME.get(parts[0]);
    if (p == null) {
      throw Worlds.unknownPreset("gold", name, names());
    }
    boolean pixels = false;
    for (int i = 1; i < parts.length; i++) {
      pixels |= parts[i].equals("pixels");
      p = switch (parts[i]) {
        case "rgb" -> p.withRgb(true);
        case "pixels" -> p.withRgb(true);
        case "ego" -> p.withEgocentric(true);
        default -> {
          if (!parts[i].matches("ego[0-9]{1,2}")) {
            throw new IllegalArgumentException("gold preset '" + name + "': unknown modifier '+"
                + parts[i] + "'; known modifiers: +rgb (add the picture), +pixels (brains read the picture"
                + " instead of the video bytes), +ego (egocentric video,"
                + " 5×5), +egoK (egocentric video K×K, K odd from 3 to 15, e.g. +ego9)");
          }
          yield p.withEgocentric(true).withView(Integer.parseInt(parts[i].substring(3)));
        }
      };
    }
    return new GoldPreset(name, p.width(), p.height(), p.layout(), p.gold(), p.maxSteps(),
        p.egocentric(), p.view(), p.rgb(), pixels ? GoldPreset.PIXELS_CELL : p.pixelsPerCell(), pixels);
  }
}
