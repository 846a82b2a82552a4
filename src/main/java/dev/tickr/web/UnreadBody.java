package dev.tickr.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * What happens to a request body the answer did not need: a refusal decided from the head (401,
 * 413, 415, a redirect to the login…) leaves the body unread.
 *
 * <p>Closing a connection while the client is still sending makes the kernel answer the rest with a
 * reset, and a reset can destroy the answer before the client reads it: the client then sees a
 * dropped connection instead of the status that tells it what was wrong. So once the answer is
 * written, the rest of a body of at most {@link #DRAIN_LIMIT} bytes is read and dropped (nothing is
 * kept), and the connection closes, or serves the next request, only after that. A longer body is
 * not waited for: the server closes the connection as before.
 */
final class UnreadBody implements Filter {
  /** The most of an unread body read through so that the client surely gets the answer. */
  static final int DRAIN_LIMIT = 256 * 1024;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    long length = request.getContentLengthLong();
    if (length == 0 || length > DRAIN_LIMIT) {
      return;
    }
    try {
      ServletInputStream in = request.getInputStream();
      if (!in.isFinished()) {
        drop(in);
      }
    } catch (IOException | RuntimeException e) {
      // read by other means (getReader), or the client went away: nothing to wait for
    }
  }

  /** Reads to the end of the body, at most {@link #DRAIN_LIMIT} bytes. */
  private static void drop(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n >= 0 && total <= DRAIN_LIMIT; n = in.read(buffer)) {
      total += n;
    }
  }
}
