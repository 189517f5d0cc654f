package io.vivarium.zoo;

import io.javalin.http.Context;
import io.vivarium.colony.registry.AgentRow;

/** Reads and checks request parameters; a bad one is a 400 naming it. Stateless; thread-safe. */
final class Params {
  private Params() {}

  /** The agent id in path parameter {@code id}, checked for shape (not for existence). */
  static String agentId(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return AgentRow.checkId(id);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  /** The optional agent id in query parameter {@code agent}, or {@code null}. */
  static String optionalAgent(Context ctx) {
    String id = ctx.queryParam("agent");
    if (id == null || id.isEmpty()) {
      return null;
    }
    try {
      return AgentRow.checkId(id);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("query parameter agent: " + e.getMessage());
    }
  }

  /** A numeric path parameter in {@code [min, max]}. */
  static long pathLong(Context ctx, String name, long min, long max) {
    return parse("path parameter " + name, ctx.pathParam(name), min, max);
  }

  /** A numeric query parameter in {@code [min, max]}, {@code fallback} when absent. */
  static long queryLong(Context ctx, String name, long fallback, long min, long max) {
    String v = ctx.queryParam(name);
    return v == null || v.isEmpty() ? fallback : parse("query parameter " + name, v, min, max);
  }

  /** A short name-like query parameter (letters, digits, '_', '-', '.', ':'), or {@code null}. */
  static String queryName(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!v.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw ApiError.badRequest("query parameter " + name + " must be 1-64 letters, digits, '_', '-', '.' or ':'; got '"
          + clip(v) + "'");
    }
    return v;
  }

  private static long parse(String what, String v, long min, long max) {
    long x;
    try {
      x = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(what + " must be an integer between " + min + " and " + max + "; got '" + clip(v) + "'");
    }
    if (x < min || x > max) {
      throw ApiError.badRequest(what + " must be between " + min + " and " + max + "; got " + x);
    }
    return x;
  }

  /** {@code s} cut to 40 characters for an error message. */
  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
