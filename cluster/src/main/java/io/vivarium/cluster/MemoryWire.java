package io.vivarium.cluster;

import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.MemoryStats;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared memory's records in {@link Wire}'s form; strings may be null. Stateless. */
final class MemoryWire {
  private MemoryWire() {}

  static void floats(DataOutputStream out, float[] v) throws IOException {
    out.writeInt(v.length);
    for (float x : v) {
      out.writeFloat(x);
    }
  }

  static float[] floats(DataInputStream in) throws IOException {
    float[] v = new float[in.readInt()];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readFloat();
    }
    return v;
  }

  static void text(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8); // may pass writeUTF's 64 KB
      out.writeInt(b.length);
      out.write(b);
    }
  }

  static String text(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
  }

  static void filter(DataOutputStream out, Filter f) throws IOException {
    text(out, f.agent());
    text(out, f.kind());
    out.writeDouble(f.minFitness());
  }

  static Filter filter(DataInputStream in) throws IOException {
    return new Filter(text(in), text(in), in.readDouble());
  }

  static void entry(DataOutputStream out, Entry e) throws IOException {
    floats(out, e.vector());
    out.writeInt(e.payload().length);
    out.write(e.payload());
    text(out, e.text());
    text(out, e.agent());
    out.writeDouble(e.fitness());
    text(out, e.kind());
    text(out, e.key());
    out.writeLong(e.step());
    out.writeLong(e.time());
  }

  static Entry entry(DataInputStream in) throws IOException {
    float[] v = floats(in);
    byte[] payload = in.readNBytes(in.readInt());
    return new Entry(v, payload, text(in), text(in), in.readDouble(), text(in), text(in), in.readLong(), in.readLong());
  }

  static void hits(DataOutputStream out, List<Hit> hits) throws IOException {
    out.writeInt(hits.size());
    for (Hit h : hits) {
      out.writeLong(h.id());
      entry(out, h.entry());
      out.writeDouble(h.similarity());
      out.writeDouble(h.score());
    }
  }

  static List<Hit> hits(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Hit> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Hit(in.readLong(), entry(in), in.readDouble(), in.readDouble()));
    }
    return out;
  }

  static void stats(DataOutputStream out, MemoryStats s) throws IOException {
    out.writeLong(s.entries());
    out.writeInt(s.byKind().size());
    for (Map.Entry<String, Long> e : s.byKind().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
    out.writeInt(s.dimension());
    out.writeInt(s.segments());
    out.writeLong(s.stored());
    out.writeLong(s.merged());
    out.writeLong(s.expired());
    out.writeLong(s.commits());
  }

  static MemoryStats stats(DataInputStream in) throws IOException {
    long entries = in.readLong();
    int n = in.readInt();
    Map<String, Long> byKind = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byKind.put(in.readUTF(), in.readLong());
    }
    return new MemoryStats(entries, byKind, in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readLong(),
        in.readLong());
  }
}
