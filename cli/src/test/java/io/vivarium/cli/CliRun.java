package io.vivarium.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code vivarium} command line in this JVM and keeps what it printed, for the CLI's tests. */
final class CliRun {
  private CliRun() {}

  /** The exit code and the text of standard output and standard error. */
  record Result(int code, String out, String err) {}

  /** {@code vivarium ARGS...}, as {@link Main#run} runs it. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
