package io.vivarium.cluster;

/** A message that crosses between nodes, serialised by {@link Wire}. */
public interface Message {}
