package io.vivarium.zoo;

import io.javalin.http.Context;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.colony.runtime.ColonyHandle;
import io.vivarium.core.audio.Wav;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An agent's voice in the console: {@code GET /api/agents/{id}/audio} lists its newest spoken
 * answers (kept by the colony in the data directory's {@code audio/AGENT/}, newest first, with
 * their text), {@code GET /api/agents/{id}/audio/{clip}} serves one as {@code audio/wav}, and
 * {@code POST /api/agents/{id}/audio} with a WAV body delivers a person's recording to the agent
 * (its listening world hears it as its next episode; the answer comes back on
 * {@code text:to_parent}). Posting needs a live colony (409 otherwise); a bad file is a 400 that
 * says what is wrong. Thread-safe (stateless but for the handles).
 */
final class AudioBox {
  /** A clip's name: the milliseconds it was spoken at, 13 digits. */
  private static final String CLIP = "\\d{13}";
  private final ColonyHandle colony;
  private final DataDir dir;

  AudioBox(ColonyHandle colony, DataDir dir) {
    this.colony = colony;
    this.dir = dir;
  }

  void list(Context ctx) {
    String id = Params.agentId(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    Path d = folder(id);
    if (Files.isDirectory(d)) {
      try (Stream<Path> s = Files.list(d)) {
        for (Path wav : s.filter(p -> p.getFileName().toString().matches(CLIP + "\\.wav"))
            .sorted(Comparator.comparing(Path::getFileName).reversed()).toList()) {
          String name = wav.getFileName().toString().substring(0, 13);
          Path txt = d.resolve(name + ".txt");
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("clip", name);
          m.put("timeMillis", Long.parseLong(name));
          m.put("text", Files.exists(txt) ? Files.readString(txt, StandardCharsets.UTF_8) : "");
          m.put("bytes", Files.size(wav));
          out.add(m);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + d + ": " + e.getMessage(), e);
      }
    }
    ctx.json(out);
  }

  void clip(Context ctx) throws IOException {
    String id = Params.agentId(ctx);
    String name = ctx.pathParam("clip");
    if (!name.matches(CLIP)) {
      throw ApiError.badRequest("a clip is named by 13 digits (the time it was spoken, as GET /api/agents/" + id
          + "/audio lists them); got '" + Params.clip(name) + "'");
    }
    Path wav = folder(id).resolve(name + ".wav");
    if (!Files.exists(wav)) {
      throw ApiError.notFound("agent " + id + " has no spoken answer " + name + "; only the newest are kept");
    }
    ctx.contentType("audio/wav").result(Files.readAllBytes(wav));
  }

  void upload(Context ctx) {
    String id = Params.agentId(ctx);
    if (colony == null) {
      throw new ApiError(409, "this zookeeper serves a stopped colony's records read-only (vivarium zoo); "
          + "start the colony with 'vivarium run' to send it recordings");
    }
    long recording;
    try {
      recording = colony.hear(id, body(ctx), "zoo");
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    ctx.status(202).json(Map.of("recording", recording, "agent", id));
  }

  /**
   * The WAV body, read past the console's JSON body limit ({@link ZooServer#MAX_BODY}) up to
   * {@link Wav#MAX_BYTES}: a recording is bigger than any form.
   */
  private static byte[] body(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] b = in.readNBytes(Wav.MAX_BYTES + 1);
      if (b.length > Wav.MAX_BYTES) {
        throw new ApiError(413, "a recording may have at most " + Wav.MAX_BYTES + " bytes; send a shorter one (a few"
            + " seconds of 16 kHz mono 16-bit PCM is plenty)");
      }
      return b;
    } catch (IOException e) {
      throw ApiError.badRequest("could not read the recording: " + e.getMessage());
    }
  }

  private Path folder(String id) {
    return dir.root().resolve(Colony.AUDIO).resolve(id);
  }
}
