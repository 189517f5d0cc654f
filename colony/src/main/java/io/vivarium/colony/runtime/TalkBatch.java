package io.vivarium.colony.runtime;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.WorldBatch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A world batch as the agent sees it when people talk to it: every observation's text channel
 * is the world's own text, padded with spaces to the world's text budget, then a newline and
 * the latest text people sent ({@code text:from_parent}), cut to {@code bus.textBytes} bytes.
 * The budget is fixed, so the prefix keeps one length and people's text one position. Stepping,
 * rewards and everything else go straight to the wrapped batch.
 *
 * A batch with an {@link Expert} or a {@link TextExpert} stays one, so the cloning phase works
 * through it.
 *
 * <p>Not thread-safe, like the batch it wraps; the text supplier is read on the batch's thread.
 */
class TalkBatch implements WorldBatch {
  private final WorldBatch inner;
  private final Spec spec;
  private final int worldText;
  private final int textBytes;
  private final Supplier<String> text;
  private String lastText;
  private byte[] lastBytes = new byte[0];

  private TalkBatch(WorldBatch inner, int textBytes, Supplier<String> text) {
    this.inner = inner;
    this.textBytes = textBytes;
    this.text = text;
    this.worldText = inner.spec().maxBytes(Channel.TEXT);
    this.spec = spec(inner.spec(), textBytes);
  }

  /** {@code s} as agents see it with people's text of {@code textBytes} (0: {@code s} itself). */
  static Spec spec(Spec s, int textBytes) {
    if (textBytes == 0) {
      return s;
    }
    Map<Channel, Integer> budgets = new EnumMap<>(s.maxBytes());
    budgets.put(Channel.TEXT, s.maxBytes(Channel.TEXT) + 1 + textBytes);
    return new Spec(s.world(), s.preset(), budgets, s.imageWidth(), s.imageHeight(), s.actionChannel(),
        s.actionBytes(), s.actionAlphabet(), s.maxSteps(), s.pictureForVideo());
  }

  /**
   * {@code batch} with people's text in its observations, or {@code batch} itself when
   * {@code textBytes} is 0 (the default: nothing changes).
   */
  static WorldBatch wrap(WorldBatch batch, int textBytes, Supplier<String> text) {
    if (textBytes < 0) {
      throw new IllegalArgumentException("bus.textBytes must be >= 0; got " + textBytes);
    }
    if (textBytes == 0) {
      return batch;
    }
    if (batch instanceof Expert e) {
      return new WithExpert(batch, e, textBytes, text);
    }
    return batch instanceof TextExpert e
        ? new WithTextExpert(batch, e, textBytes, text)
        : new TalkBatch(batch, textBytes, text);
  }

  /** A talking batch over a batch with an expert. */
  private static final class WithExpert extends TalkBatch implements Expert {
    private final Expert expert;

    WithExpert(WorldBatch inner, Expert expert, int textBytes, Supplier<String> text) {
      super(inner, textBytes, text);
      this.expert = expert;
    }

    @Override
    public byte expertAction(int i) {
      return expert.expertAction(i);
    }
  }

  /** A talking batch over a batch with an expert answer. */
  private static final class WithTextExpert extends TalkBatch implements TextExpert {
    private final TextExpert expert;

    WithTextExpert(WorldBatch inner, TextExpert expert, int textBytes, Supplier<String> text) {
      super(inner, textBytes, text);
      this.expert = expert;
    }

    @Override
    public byte[] expertText(int i) {
      return expert.expertText(i);
    }
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public int size() {
    return inner.size();
  }

  @Override
  public void reset(long seed) {
    inner.reset(seed);
  }

  @Override
  public void reset(long seed, int group) {
    inner.reset(seed, group);
  }

  @Override
  public void step(Action[] actions) {
    inner.step(actions);
  }

  @Override
  public void step(byte[] motor) {
    inner.step(motor);
  }

  @Override
  public Observation observation(int i) {
    Observation o = inner.observation(i);
    byte[] own = o.bytes(Channel.TEXT);
    byte[] said = said();
    byte[] combined = new byte[worldText + 1 + said.length];
    Arrays.fill(combined, 0, worldText, (byte) ' ');
    System.arraycopy(own, 0, combined, 0, Math.min(own.length, worldText));
    combined[worldText] = '\n';
    System.arraycopy(said, 0, combined, worldText + 1, said.length);
    Map<Channel, byte[]> channels = new EnumMap<>(Channel.class);
    channels.putAll(o.channels());
    channels.put(Channel.TEXT, combined);
    return new Observation(channels, o.image());
  }

  /** The latest text as UTF-8, cut to the budget; encoded once per change. */
  private byte[] said() {
    String now = text.get();
    if (now == null) {
      now = "";
    }
    if (!now.equals(lastText)) {
      byte[] b = now.getBytes(StandardCharsets.UTF_8);
      lastBytes = b.length <= textBytes ? b : Arrays.copyOf(b, textBytes);
      lastText = now;
    }
    return lastBytes;
  }

  @Override
  public float[] rewards() {
    return inner.rewards();
  }

  @Override
  public boolean[] terminated() {
    return inner.terminated();
  }

  @Override
  public boolean[] truncated() {
    return inner.truncated();
  }

  @Override
  public long episodeSeed(int i) {
    return inner.episodeSeed(i);
  }

  /** Leaves the wrapped batch open: its owner closes it. */
  @Override
  public void close() {}
}
