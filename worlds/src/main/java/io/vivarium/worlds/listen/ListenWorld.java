package io.vivarium.worlds.listen;

import io.vivarium.core.Channel;
import io.vivarium.core.audio.Spectrogram;
import io.vivarium.core.audio.Speech;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One listen episode is one step: the observation is the spectrogram picture of a spoken word (and
 * the prompt {@value #PROMPT} on {@code text}); the action is one motor byte, {@code '0' + i} for
 * word i; the reward is 1 for the right word (the episode terminates: a success) and 0 otherwise
 * (the episode is truncated). The word, voice (from the preset's voice and speed combinations),
 * pitch, loudness (0.5 to 1) and noise (Gaussian, standard deviation 0.002 to 0.01) are drawn from
 * the reset's seed. A person's recording ({@link #hearNext}) replaces the next episode's word; it
 * has no right answer, so it earns 0 and is truncated. Not thread-safe.
 */
public final class ListenWorld implements World, ActionNames {
  /** The picture: 64 frames of 10 ms (0.655 s) × 32 mel bands. */
  public static final Spectrogram SPECTROGRAM = new Spectrogram(32, 64);
  /** The text an episode shows. */
  public static final String PROMPT = "which word?";
  private static final byte[] PROMPT_BYTES = PROMPT.getBytes(StandardCharsets.UTF_8);

  private final ListenPreset preset;
  private final Spec spec;
  private Observation observation;
  private int word = -1;
  private String voice = "";
  private float[] pending;
  private boolean stepped;

  public ListenWorld(ListenPreset preset) {
    this.preset = preset;
    this.spec = spec(preset);
  }

  /** What instances of {@code preset} promise: the picture read in place of {@code video}, one byte per word. */
  public static Spec spec(ListenPreset preset) {
    return new Spec("listen", preset.name(), Map.of(Channel.TEXT, PROMPT_BYTES.length),
        SPECTROGRAM.frames(), SPECTROGRAM.bands(), Channel.MOTOR, 1, preset.alphabet(), 1, true);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /** Makes the next reset play {@code samples} (a person's recording, 16 kHz mono) instead of a word. */
  public void hearNext(float[] samples) {
    pending = samples;
  }

  @Override
  public Observation reset(long seed) {
    stepped = false;
    if (pending != null) {
      word = -1;
      voice = "person";
      observation = observe(pending);
      pending = null;
      return observation;
    }
    SplittableRandom r = new SplittableRandom(seed);
    word = r.nextInt(preset.words().size());
    int[] combos = preset.combinations();
    int c = combos[r.nextInt(combos.length)];
    int speeds = ListenPreset.SPEEDS.size();
    Speech.Voice v = new Speech.Voice(ListenPreset.VOICES.get(c / speeds), ListenPreset.SPEEDS.get(c % speeds),
        ListenPreset.PITCHES.get(r.nextInt(ListenPreset.PITCHES.size())));
    voice = v.name() + " -s " + v.speed() + " -p " + v.pitch();
    float[] clip = WordClips.of(preset.words().get(word), v);
    double gain = 0.5 + 0.5 * r.nextDouble();
    double noise = 0.002 + 0.008 * r.nextDouble();
    float[] x = new float[clip.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (gain * clip[i] + noise * r.nextGaussian());
    }
    observation = observe(x);
    return observation;
  }

  private static Observation observe(float[] samples) {
    Image picture = SPECTROGRAM.image(samples);
    return new Observation(Map.of(Channel.TEXT, PROMPT_BYTES), picture);
  }

  @Override
  public Step step(Action action) {
    if (observation == null || stepped) {
      throw new IllegalStateException("reset the listen world before stepping it (one step per episode)");
    }
    stepped = true;
    int heard = action.firstMotor() < 0 ? -1 : preset.word((byte) action.firstMotor());
    boolean right = word >= 0 && heard == word;
    return new Step(observation, right ? 1 : 0, right, !right, Map.of(
        "word", word < 0 ? "" : preset.words().get(word), "answer", heard < 0 ? "" : preset.words().get(heard),
        "voice", voice));
  }

  /** What rendering cost this process so far: {@code clips N · espeak-ng S s}. */
  public static String renderStats() {
    return String.format(java.util.Locale.ROOT, "clips %d · espeak-ng %.1f s", WordClips.cached(),
        WordClips.seconds());
  }

  /** The word this episode plays, -1 for a person's recording. */
  public int word() {
    return word;
  }

  /** The preset this world plays. */
  public ListenPreset preset() {
    return preset;
  }

  @Override
  public String actionName(byte action) {
    int i = preset.word(action);
    return i < 0 ? ActionNames.plain(action) : preset.words().get(i);
  }
}
