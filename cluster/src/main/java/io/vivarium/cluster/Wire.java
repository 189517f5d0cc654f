package io.vivarium.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The nodes' messages on the wire: a one-letter manifest and the fields in {@link
 * DataOutputStream} form (actor references in Pekko's own text form). Small and explicit, so a
 * node of another build cannot misread one silently. Thread-safe.
 */
public final class Wire extends SerializerWithStringManifest {
  private final ActorRefResolver resolver;

  /** Made by Pekko from {@code pekko.actor.serializers}. */
  public Wire(ExtendedActorSystem system) {
    this.resolver = ActorRefResolver.get(Adapter.toTyped(system));
  }

  @Override
  public int identifier() {
    return 7_207_020;
  }

  @Override
  public String manifest(Object o) {
    return switch (o) {
      case AgentEntity.Ensure e -> "E";
      case AgentEntity.Release r -> "R";
      case AgentEntity.Kill k -> "K";
      case PopulationManager.ChildId c -> "C";
      case PopulationManager.Answer a -> "A";
      case PopulationManager.Born b -> "B";
      case MemoryServer.Recall r -> "MR";
      case MemoryServer.Facts f -> "MF";
      case MemoryServer.Store st -> "MS";
      case MemoryServer.Refresh r -> "MU";
      case MemoryServer.Stats st -> "MT";
      case MemoryServer.Close c -> "MC";
      case MemoryServer.Hits h -> "MH";
      case MemoryServer.StatsAnswer a -> "MA";
      default -> throw new IllegalArgumentException("no wire form for " + o.getClass().getName());
    };
  }

  @Override
  public byte[] toBinary(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      switch (o) {
        case AgentEntity.Kill k -> out.writeUTF(k.reason());
        case PopulationManager.ChildId c -> {
          out.writeUTF(c.parent());
          out.writeDouble(c.fitness());
          out.writeBoolean(c.asked());
          out.writeUTF(resolver.toSerializationFormat(c.replyTo()));
        }
        case PopulationManager.Answer a -> out.writeUTF(a.id());
        case PopulationManager.Born b -> out.writeUTF(b.id());
        case MemoryServer.Recall r -> {
          MemoryWire.floats(out, r.query());
          out.writeInt(r.k());
          MemoryWire.filter(out, r.filter());
          out.writeUTF(resolver.toSerializationFormat(r.replyTo()));
        }
        case MemoryServer.Facts f -> {
          out.writeUTF(f.key());
          out.writeInt(f.limit());
          out.writeUTF(resolver.toSerializationFormat(f.replyTo()));
        }
        case MemoryServer.Store st -> MemoryWire.entry(out, st.entry());
        case MemoryServer.Refresh r -> out.writeUTF(resolver.toSerializationFormat(r.replyTo()));
        case MemoryServer.Stats st -> out.writeUTF(resolver.toSerializationFormat(st.replyTo()));
        case MemoryServer.Hits h -> MemoryWire.hits(out, h.hits());
        case MemoryServer.StatsAnswer a -> MemoryWire.stats(out, a.stats());
        default -> manifest(o); // no fields; refuses unknown types
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return switch (manifest) {
        case "E" -> new AgentEntity.Ensure();
        case "R" -> new AgentEntity.Release();
        case "K" -> new AgentEntity.Kill(in.readUTF());
        case "C" -> new PopulationManager.ChildId(in.readUTF(), in.readDouble(), in.readBoolean(),
            resolver.resolveActorRef(in.readUTF()));
        case "A" -> new PopulationManager.Answer(in.readUTF());
        case "B" -> new PopulationManager.Born(in.readUTF());
        case "MR" -> new MemoryServer.Recall(MemoryWire.floats(in), in.readInt(), MemoryWire.filter(in),
            resolver.resolveActorRef(in.readUTF()));
        case "MF" -> new MemoryServer.Facts(in.readUTF(), in.readInt(), resolver.resolveActorRef(in.readUTF()));
        case "MS" -> new MemoryServer.Store(MemoryWire.entry(in));
        case "MU" -> new MemoryServer.Refresh(resolver.resolveActorRef(in.readUTF()));
        case "MT" -> new MemoryServer.Stats(resolver.resolveActorRef(in.readUTF()));
        case "MC" -> new MemoryServer.Close();
        case "MH" -> new MemoryServer.Hits(MemoryWire.hits(in));
        case "MA" -> new MemoryServer.StatsAnswer(MemoryWire.stats(in));
        default -> throw new NotSerializableException("unknown message manifest '" + manifest
            + "' (a node of another Vivarium version?)");
      };
    } catch (IOException | RuntimeException e) {
      throw new NotSerializableException("cannot read message '" + manifest + "': " + e.getMessage());
    }
  }
}
