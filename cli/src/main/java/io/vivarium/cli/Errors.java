package io.vivarium.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into what a person can act on: bad input and misuse print one line naming
 * the problem and the fix (exit 1); bad usage prints the message and the command's help
 * (exit 2); anything else is a bug and says so. Stack traces only with {@code --verbose}.
 */
final class Errors implements IExecutionExceptionHandler {
  private final Main main;

  Errors(Main main) {
    this.main = main;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof UncheckedIOException || e instanceof IOException) {
      err.println("vivarium: " + e.getMessage());
    } else {
      err.println("vivarium: internal error: " + e
          + (main.verbose ? "" : " (run again with --verbose for the stack trace, and report it)"));
    }
    if (main.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return Main.FAILURE;
  }

  /** Bad usage: the message, then the help of the command it concerns. */
  static int usage(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("vivarium: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println();
      cl.usage(err);
    }
    err.flush();
    return Main.USAGE;
  }
}
