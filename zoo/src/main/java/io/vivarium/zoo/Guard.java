package io.vivarium.zoo;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The zookeeper's access rules, checked before every API request.
 *
 * <ul>
 *   <li>When a token is set (always when bound beyond loopback), every API request carries it:
 *       header {@code Authorization: Bearer T}, header {@code X-Zoo-Token: T}, or (for
 *       {@code GET} only, as {@code EventSource} cannot send headers) query parameter
 *       {@code token}. Wrong or missing → 401.</li>
 *   <li>State-changing requests ({@code POST}) must be same-origin: an {@code Origin} header,
 *       when sent, must name this server, and {@code Sec-Fetch-Site}, when sent, must be
 *       {@code same-origin} or {@code none}; and the body must be {@code application/json}, or {@code audio/wav} for a recording posted to {@code /api/agents/{id}/audio}
 *       (a cross-site HTML form can send neither without a preflight we never grant) → 403.</li>
 *   <li>On loopback the {@code Host} header must name a loopback host, which defeats DNS
 *       rebinding → 403.</li>
 * </ul>
 *
 * Immutable; thread-safe.
 */
final class Guard {
  private final String token;
  private final boolean loopback;

  Guard(String token, boolean loopback) {
    this.token = token;
    this.loopback = loopback;
  }

  /** The token, {@code ""} when none is required. */
  String token() {
    return token;
  }

  /** Whether {@code host} is a loopback address (or resolves only to one). */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("zoo.host '" + host + "' does not resolve; use an address such as 127.0.0.1");
    }
  }

  /** A fresh random token: 32 hex digits from the system's secure random source (never seeded). */
  static String newToken() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Checks an API request; throws a 401 or 403 when it breaks a rule. */
  void check(Context ctx) {
    if (loopback) {
      checkHost(ctx.header("Host"));
    }
    if (!token.isEmpty() && !tokenMatches(presentedToken(ctx))) {
      throw new ApiError(401, "this zookeeper needs its token: send header 'Authorization: Bearer <token>' "
          + "(or ?token=<token> on GET); the token is printed when the zookeeper starts, or set as zoo.token");
    }
    if (ctx.method() == HandlerType.POST) {
      checkSameOrigin(ctx);
    }
  }

  private static void checkHost(String host) {
    if (host == null) {
      return; // HTTP/1.0 without Host: nothing a browser would send
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    name = name.toLowerCase(Locale.ROOT);
    if (!(name.equals("localhost") || name.equals("[::1]") || name.startsWith("127."))) {
      throw new ApiError(403, "Host header '" + Params.clip(host) + "' is not a loopback name; this zookeeper "
          + "listens on loopback only, open it as http://127.0.0.1:<port>/ or http://localhost:<port>/");
    }
  }

  private String presentedToken(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    String header = ctx.header("X-Zoo-Token");
    if (header != null) {
      return header.trim();
    }
    return ctx.method() == HandlerType.GET ? ctx.queryParam("token") : null;
  }

  private boolean tokenMatches(String presented) {
    return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  private static void checkSameOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new ApiError(403, "cross-origin request refused (Sec-Fetch-Site: " + Params.clip(site)
          + "); actions are accepted only from this zookeeper's own page");
    }
    String origin = ctx.header("Origin");
    String host = ctx.header("Host");
    if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
      throw new ApiError(403, "cross-origin request refused (Origin: " + Params.clip(origin)
          + "); actions are accepted only from this zookeeper's own page");
    }
    String type = ctx.contentType();
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    boolean recording = ctx.path().endsWith("/audio") && t.matches("audio/(wav|x-wav|wave|vnd\\.wave)\\b.*");
    if (!t.startsWith("application/json") && !recording) {
      throw new ApiError(415, "actions take a JSON body: send 'Content-Type: application/json' (a recording:"
          + " 'Content-Type: audio/wav'); got '" + (type == null ? "" : Params.clip(type)) + "'");
    }
  }
}
