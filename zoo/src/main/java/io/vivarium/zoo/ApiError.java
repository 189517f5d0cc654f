package io.vivarium.zoo;

/**
 * A request the zookeeper refuses, with the HTTP status to answer and a one-line reason that
 * names the input, the rule, the bad value and the fix. Immutable; thread-safe.
 */
final class ApiError extends RuntimeException {
  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }
}
