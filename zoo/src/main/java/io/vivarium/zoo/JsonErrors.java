package io.vivarium.zoo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it refuses before Javalin sees it, such as a malformed
 * URI) as the same JSON the API gives: {@code {"error": "...", "status": N}}. Stateless;
 * thread-safe.
 */
final class JsonErrors extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty 12 drops the connection after refusing a request this early; say so, or a client
    // that keeps connections alive sends its next request into a closed socket.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body(code, message).getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static String body(int status, String message) {
    String m = message == null || message.isBlank() ? "bad request" : message;
    StringBuilder s = new StringBuilder("{\"error\":\"request refused by the web server: ");
    for (char c : m.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append("\",\"status\":").append(status).append('}').toString();
  }
}
