package dev.tickr.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's static files at {@code /assets/<file>}: Tickr's own stylesheet and scripts
 * ({@code src/main/resources/ui/assets}) and the uPlot charting library from its WebJar, so pages
 * work offline and on closed networks. Only files named here are served; they are public (nothing
 * in them is secret) and cached by browsers for a few minutes.
 */
final class Assets {
  private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

  /** File name at {@code /assets/} → where it is on the class path. */
  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("tickr.css", "/ui/assets/tickr.css"),
          Map.entry("tickr.js", "/ui/assets/tickr.js"),
          Map.entry("overview.js", "/ui/assets/overview.js"),
          Map.entry("monitor.js", "/ui/assets/monitor.js"),
          Map.entry("form.js", "/ui/assets/form.js"),
          Map.entry("admin.js", "/ui/assets/admin.js"),
          Map.entry("favicon.svg", "/ui/assets/favicon.svg"),
          Map.entry("uPlot.min.js", UPLOT + "uPlot.iife.min.js"),
          Map.entry("uPlot.min.css", UPLOT + "uPlot.min.css"));

  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml");

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  void install(JavalinConfig config) {
    config.routes.get("/assets/{file}", this::serve);
  }

  private void serve(Context ctx) {
    String file = ctx.pathParam("file");
    String path = FILES.get(file);
    byte[] bytes = path == null ? null : loaded.computeIfAbsent(file, f -> read(path));
    if (bytes == null || bytes.length == 0) {
      ctx.status(HttpStatus.NOT_FOUND).result("no such asset\n");
      return;
    }
    String ext = file.substring(file.lastIndexOf('.') + 1);
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream")).result(bytes);
  }

  /** The file's bytes; empty when it is not on the class path (a page not built yet). */
  private static byte[] read(String path) {
    try (InputStream in = Assets.class.getResourceAsStream(path)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
