package dev.tickr.cli;

import dev.tickr.check.Header;
import dev.tickr.check.Payload;
import dev.tickr.check.RequestTemplate;
import dev.tickr.check.RequestTemplate.HeaderTemplate;
import dev.tickr.check.template.Template;
import dev.tickr.check.template.TemplateException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders of {@code tickr check}'s URL, {@code -H} values and {@code -d} body ({@code
 * {{now-1d/d:yyyy-MM-dd}}}, {@code {{uuid}}}), read as a monitor's are; a wrong one is a usage
 * error naming the flag and the column.
 */
final class CheckTemplates {
  private @Nullable Template url;
  private final List<HeaderTemplate> headers = new ArrayList<>();
  private @Nullable Template body;

  /**
   * The URL to check as written, or, with placeholders, as they give it for {@link
   * RequestTemplate#SAMPLE_TIME}: what the usual checks of a URL look at.
   */
  String url(String text) {
    url = parse("URL", text);
    Template written = url;
    if (written == null) {
      return text;
    }
    try {
      return RequestTemplate.sampleUrl(written).toString();
    } catch (TemplateException e) {
      throw usage("URL", e);
    } catch (IllegalArgumentException e) {
      throw new UsageException("URL: " + e.getMessage());
    }
  }

  /** Takes {@code userInfo} and its {@code @} out of the URL: it is sent as a header instead. */
  void dropUserInfo(String userInfo) {
    Template written = url;
    if (written != null) {
      String text = written.text();
      int at = text.indexOf(userInfo + "@");
      if (at < 0) {
        return;
      }
      url = parse("URL", text.substring(0, at) + text.substring(at + userInfo.length() + 1));
    }
  }

  void header(int index, Header header) {
    Template value = parse("-H/--header " + header.name(), header.value());
    if (value != null) {
      headers.add(new HeaderTemplate(index, value));
    }
  }

  /** The body's placeholders, when it is UTF-8 text (a binary file is sent as it is). */
  void body(Payload payload) {
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload.bytes())).toString();
      body = parse("-d/--data", text);
    } catch (CharacterCodingException binary) {
      body = null;
    }
  }

  @Nullable RequestTemplate template() {
    return RequestTemplate.of(url, headers, body);
  }

  private static @Nullable Template parse(String flag, String text) {
    try {
      return RequestTemplate.parse(text);
    } catch (TemplateException e) {
      throw usage(flag, e);
    }
  }

  private static UsageException usage(String flag, TemplateException e) {
    return new UsageException(
        flag + ": " + e.getMessage() + " (at column " + (e.offset() + 1) + ")");
  }
}
