package io.vivarium.bus;

import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a bus's counters. Immutable.
 *
 * @param connected whether the broker was reachable at the snapshot
 * @param outages how many times the connection was lost (or the first connect failed)
 * @param published messages handed to the MQTT client
 * @param droppedOutbox messages dropped because the outbox was full (oldest first)
 * @param droppedVideo video frames dropped because the video outbox was full (oldest first)
 * @param throttled video frames dropped because they came faster than the frame interval
 * @param sendFailures messages the client could not deliver to the broker
 * @param delivered messages passed to handlers
 * @param droppedInbox messages dropped because a handler fell behind (oldest first)
 * @param malformed payloads or topics rejected, over all topics
 * @param handlerErrors exceptions thrown by handlers
 * @param malformedByTopic rejected payloads per MQTT topic
 */
public record BusStats(
    boolean connected,
    long outages,
    long published,
    long droppedOutbox,
    long droppedVideo,
    long throttled,
    long sendFailures,
    long delivered,
    long droppedInbox,
    long malformed,
    long handlerErrors,
    Map<String, Long> malformedByTopic) {
  public BusStats {
    malformedByTopic = Map.copyOf(Objects.requireNonNull(malformedByTopic, "malformedByTopic"));
  }
}
