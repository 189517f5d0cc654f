package io.vivarium.bus;

import io.vivarium.core.Event;
import java.util.List;

/**
 * The known topic kinds: seed 002's per-agent channels and the colony's own topics. Topic
 * strings are made by a {@link TopicSchema}.
 *
 * <p>Constants only; thread-safe.
 */
public final class Topics {
  private Topics() {}

  /** The agent's text output, for people and parents. */
  public static final Topic<String> TEXT_TO_PARENT =
      new Topic<>("text:to_parent", Topic.Scope.AGENT, Codecs.TEXT, Delivery.RELIABLE);
  /** Text from people, fed into the agent's context. */
  public static final Topic<String> TEXT_FROM_PARENT =
      new Topic<>("text:from_parent", Topic.Scope.AGENT, Codecs.TEXT, Delivery.RELIABLE);
  /** A number from people that counts towards the agent's fitness. */
  public static final Topic<Double> REWARD_FROM_PARENT =
      new Topic<>("reward:from_parent", Topic.Scope.AGENT, Codecs.REWARD, Delivery.RELIABLE);
  /** The agent's answers to people spoken by espeak-ng: a WAV file (16-bit mono PCM). */
  public static final Topic<byte[]> AUDIO_TO_PARENT =
      new Topic<>("audio:to_parent", Topic.Scope.AGENT, Codecs.WAV, Delivery.RELIABLE);
  /** A person's recording for the agent: a WAV file the colony checks (a bad one gets a refusal event). */
  public static final Topic<byte[]> AUDIO_FROM_PARENT =
      new Topic<>("audio:from_parent", Topic.Scope.AGENT, Codecs.BYTES, Delivery.RELIABLE);
  /** The action bytes the agent sends to its world. */
  public static final Topic<byte[]> MOTOR_TO_WORLD =
      new Topic<>("motor:to_world", Topic.Scope.AGENT, Codecs.BYTES, Delivery.RELIABLE);
  /** PNG frames of the agent's world, throttled, newest kept. */
  public static final Topic<byte[]> VIDEO_FROM_WORLD =
      new Topic<>("video:from_world", Topic.Scope.AGENT, Codecs.PNG_FRAME, Delivery.LATEST);
  /** Machine and world state bytes. */
  public static final Topic<byte[]> TOUCH_WORLD =
      new Topic<>("touch:world", Topic.Scope.AGENT, Codecs.BYTES, Delivery.RELIABLE);
  /** Births, deaths, checkpoints… as JSON. */
  public static final Topic<Event> EVENTS =
      new Topic<>("events", Topic.Scope.COLONY, Codecs.EVENT, Delivery.RELIABLE);
  /** Each agent's histogram of the bytes it emitted in the latest interval. */
  public static final Topic<ByteCounts> BYTE_COUNTS =
      new Topic<>("bytecounts", Topic.Scope.COLONY_PER_AGENT, Codecs.BYTE_COUNTS,
          Delivery.RELIABLE);
  /** The colony-wide byte entropy computed from everyone's counts. */
  public static final Topic<ColonyEntropy> ENTROPY =
      new Topic<>("entropy", Topic.Scope.COLONY, Codecs.ENTROPY, Delivery.RELIABLE);

  /** Every kind, in the order of docs/bus.md. */
  public static final List<Topic<?>> ALL = List.of(TEXT_TO_PARENT, TEXT_FROM_PARENT,
      REWARD_FROM_PARENT, AUDIO_TO_PARENT, AUDIO_FROM_PARENT, MOTOR_TO_WORLD, VIDEO_FROM_WORLD, TOUCH_WORLD, EVENTS, BYTE_COUNTS,
      ENTROPY);
}
