package io.vivarium.core.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Text spoken by espeak-ng (the Debian package {@code espeak-ng}): the text goes to the process's
 * standard input (never a shell, never an argument), the argument list is fixed but for the
 * validated voice, speed and pitch, the run has a {@value #TIMEOUT_SECONDS} s timeout and its WAV
 * output is checked by {@link Wav}. It lives in {@code core} because both a world (listen) and the
 * colony (spoken answers) use it and it needs the JDK alone. Stateless; thread-safe (each call
 * runs its own process).
 */
public final class Speech {
  /** The one line a missing espeak-ng gets. */
  public static final String MISSING = "espeak-ng is not installed; install it with: sudo apt-get install espeak-ng";
  /** The most characters spoken at once (about 30 s of speech). */
  public static final int MAX_CHARS = 500;
  static final int TIMEOUT_SECONDS = 20;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{0,30}(\\+[a-z0-9]{1,10})?");
  private static volatile Boolean available;

  private Speech() {}

  /**
   * An espeak-ng voice.
   *
   * @param name voice and optional variant, e.g. {@code en}, {@code en-us}, {@code en+f2}
   * @param speed words per minute, 80 to 450
   * @param pitch 0 to 99
   */
  public record Voice(String name, int speed, int pitch) {
    public Voice {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("espeak-ng voice must look like en, en-us or en+f2; got '" + name + "'");
      }
      if (speed < 80 || speed > 450) {
        throw new IllegalArgumentException("espeak-ng speed must be 80 to 450 words per minute; got " + speed);
      }
      if (pitch < 0 || pitch > 99) {
        throw new IllegalArgumentException("espeak-ng pitch must be 0 to 99; got " + pitch);
      }
    }

    /** The default English voice. */
    public static Voice english() {
      return new Voice("en", 175, 50);
    }
  }

  /** Whether espeak-ng runs here (checked once per process). */
  public static boolean available() {
    Boolean a = available;
    if (a == null) {
      try {
        Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        a = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        a = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      available = a;
    }
    return a;
  }

  /**
   * {@code text} spoken by {@code voice}, as the WAV bytes espeak-ng writes (16-bit mono PCM).
   *
   * @throws IllegalArgumentException for empty or too long text
   * @throws IllegalStateException when espeak-ng is missing ({@link #MISSING}), fails or times out
   */
  public static byte[] render(String text, Voice voice) {
    if (text.isBlank() || text.length() > MAX_CHARS) {
      throw new IllegalArgumentException("text to speak must have 1 to " + MAX_CHARS + " characters; got "
          + text.length() + "; shorten it");
    }
    List<String> command = List.of("espeak-ng", "--stdin", "--stdout", "-v", voice.name(),
        "-s", Integer.toString(voice.speed()), "-p", Integer.toString(voice.pitch()));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException(MISSING);
    }
    try {
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(text.replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("espeak-ng did not finish speaking " + text.length() + " characters within "
            + TIMEOUT_SECONDS + " s; speak shorter text");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("espeak-ng exited with status " + p.exitValue() + " for voice "
            + voice.name() + "; check the voice with: espeak-ng --voices");
      }
      byte[] wav = Wav.fixStreamed(out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      Wav.read(wav, "espeak-ng's output", 120);
      return wav;
    } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("espeak-ng failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while espeak-ng was speaking", e);
    } finally {
      p.destroyForcibly();
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
