package dev.tickr.simulator;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulated affiliate platforms served on loopback only, each under {@code /NAME} of one server on
 * a port of the system's choosing.
 */
public final class SimulatedNetwork implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Map<String, PlatformFake> platforms = new LinkedHashMap<>();
  private final Javalin app;
  private int port;

  public SimulatedNetwork(List<? extends PlatformFake> fakes) {
    for (PlatformFake f : fakes) {
      if (platforms.putIfAbsent(f.name(), f) != null) {
        throw new IllegalArgumentException("platform " + f.name() + " is simulated twice");
      }
    }
    List<PlatformFake> all = new ArrayList<>(platforms.values());
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = true;
              for (PlatformFake f : all) {
                f.routes(config.routes, "/" + f.name());
              }
            });
  }

  /** Starts serving on a free port of 127.0.0.1. */
  public SimulatedNetwork start() {
    app.start(HOST, 0);
    port = app.port();
    return this;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://" + HOST + ":" + port;
  }

  /** Where a platform is served: {@code http://127.0.0.1:PORT/impact}. */
  public String baseUrl(String platform) {
    if (!platforms.containsKey(platform)) {
      throw new IllegalArgumentException("no simulated platform " + platform);
    }
    return url() + "/" + platform;
  }

  public PlatformFake platform(String name) {
    PlatformFake f = platforms.get(name);
    if (f == null) {
      throw new IllegalArgumentException("no simulated platform " + name);
    }
    return f;
  }

  public List<PlatformFake> platforms() {
    return List.copyOf(platforms.values());
  }

  @Override
  public void close() {
    app.stop();
  }
}
