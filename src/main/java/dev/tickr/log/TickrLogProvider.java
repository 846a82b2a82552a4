package dev.tickr.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Tickr's own SLF4J binding (found through {@code META-INF/services}): {@link LogLines}. Small on
 * purpose: two formats, one level, no configuration file to read at start-up.
 */
public final class TickrLogProvider implements SLF4JServiceProvider {
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private LogLines lines = LogLines.standard();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return lines;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    lines = LogLines.standard();
  }
}
