package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tickr.testing.Browser;
import dev.tickr.testing.HeadlessBrowser;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Email subscriptions to a status page, end to end: a visitor subscribes with the page's form in
 * headless Chromium, confirms with the link GreenMail received, gets the start, a public update and
 * the end of an incident of a loopback target, unsubscribes with the mail's link and gets nothing
 * more; the address is in neither the database file nor the API; the page's Atom feed parses.
 */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
@Timeout(180)
class SubscriptionBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VISITOR = "affiliate.visitor@example.org";
  private static final String OTHER = "second.reader@example.org";
  private static final Pattern CONFIRM = Pattern.compile("(http://\\S+/confirm\\?token=\\S+)");
  private static final Pattern UNSUBSCRIBE =
      Pattern.compile("Unsubscribe: (http://\\S+/unsubscribe\\?\\S+)");

  @RegisterExtension
  static final HeadlessBrowser browser = HeadlessBrowser.chromium().withoutJavaScript();

  @TempDir static Path dir;
  private static final AtomicInteger status = new AtomicInteger(200);
  private static final TestHttpServer target =
      TestHttpServer.plain().route("/pixel", r -> Reply.status(status.get()).text("pixel"));
  private static final GreenMail mail =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private static RunningTickr tickr;

  @BeforeAll
  static void start() throws Exception {
    mail.start();
    tickr =
        RunningTickr.start(
            dir,
            """
            defaults: {interval: 1s, timeout: 1s}
            monitors:
              - {name: tracking, url: "%s", failure-threshold: 1}
            channels:
              - name: subscriber-mail
                type: email
                host: 127.0.0.1
                port: %d
                security: none
                from: Status <status@example.com>
                to: [ops@example.com]
            status-pages:
              - slug: partners
                title: Partner status
                monitors: [tracking]
                subscriptions: {email: {channel: subscriber-mail}}
            """
                .formatted(target.url("/pixel"), mail.getSmtp().getPort()));
    browser.baseUrl(tickr.url());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    try {
      RunningTickr.stop(tickr);
    } finally {
      target.close();
      mail.stop();
    }
  }

  @Test
  void a_visitor_subscribes_confirms_gets_the_incident_and_unsubscribes() throws Exception {
    String token = tickr.token("reader", "admin");
    try (Browser http = new Browser(tickr.port())) {
      // Subscribe on the page, without script.
      browser.open("/status/partners");
      assertThat(browser.attribute(By.cssSelector("link[rel=alternate]"), "href"))
          .endsWith("/status/partners/feed.atom");
      browser.type(By.id("subscribe-email"), VISITOR);
      browser.clickAndWaitForPage(By.id("subscribe-button"));
      assertThat(browser.text(By.id("subscribe-result"))).contains("a mail with a link");
      assertThat(mail.waitForIncomingEmail(20_000, 1)).isTrue();
      MimeMessage confirmation = last(VISITOR, 1);
      assertThat(confirmation.getSubject())
          .isEqualTo("Confirm your subscription to Partner status");

      // Unconfirmed: counted as pending, and nothing but the confirmation is sent.
      assertThat(subscribers(http, token)).isEqualTo(Map.of("pending", 1, "confirmed", 0));
      browser.open(link(CONFIRM, confirmation));
      browser.clickAndWaitForPage(By.id("confirm"));
      assertThat(browser.text(By.id("result"))).startsWith("You are subscribed");
      assertThat(subscribers(http, token)).isEqualTo(Map.of("pending", 0, "confirmed", 1));

      // A second reader, who stays, subscribes with a plain form post.
      assertThat(http.form("/status/partners/subscribe", Map.of("email", OTHER)).statusCode())
          .isEqualTo(200);
      assertThat(mail.waitForIncomingEmail(20_000, 2)).isTrue();
      MimeMessage second = last(OTHER, 1);
      assertThat(
              http.form(
                      "/status/partners/confirm",
                      Map.of("token", link(CONFIRM, second).replaceAll(".*token=", "")))
                  .statusCode())
          .isEqualTo(200);

      // The incident starts: both get it.
      status.set(500);
      assertThat(mail.waitForIncomingEmail(30_000, 4)).isTrue();
      MimeMessage down = last(VISITOR, 2);
      assertThat(down.getSubject()).isEqualTo("[Partner status] tracking is down");
      assertThat(body(down)).contains("tracking on Partner status is down since");
      assertThat(body(down)).doesNotContain(target.url("/pixel").toString());
      String unsubscribe = link(UNSUBSCRIBE, down);
      assertThat(down.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
      assertThat(down.getHeader("List-Unsubscribe-Post"))
          .containsExactly("List-Unsubscribe=One-Click");

      // A public note is mailed; a private one is not.
      long incident = openIncident(http, token);
      note(http, token, incident, "internal: rotating the tracking keys", false);
      note(http, token, incident, "The tracking provider is looking into it.", true);
      assertThat(mail.waitForIncomingEmail(20_000, 6)).isTrue();
      MimeMessage update = last(VISITOR, 3);
      assertThat(update.getSubject()).isEqualTo("[Partner status] Update on tracking");
      assertThat(body(update)).contains("The tracking provider is looking into it.");

      // It ends.
      status.set(200);
      assertThat(mail.waitForIncomingEmail(30_000, 8)).isTrue();
      MimeMessage up = last(VISITOR, 4);
      assertThat(up.getSubject()).isEqualTo("[Partner status] tracking is back up");

      // The feed of the page is valid Atom with the incident and its public note only.
      feedIsValidAtom(http.get("/status/partners/feed.atom").body());

      // Unsubscribe with the mail's link; the next incident reaches only the second reader.
      browser.open(unsubscribe);
      browser.clickAndWaitForPage(By.id("unsubscribe"));
      assertThat(browser.text(By.id("result"))).startsWith("You are unsubscribed");
      assertThat(subscribers(http, token)).isEqualTo(Map.of("pending", 0, "confirmed", 1));
      status.set(500);
      assertThat(mail.waitForIncomingEmail(30_000, 9)).isTrue();
      assertThat(received(OTHER)).hasSize(5);
      assertThat(received(VISITOR)).hasSize(4);

      // The addresses are nowhere in the API or the database files.
      String api = http.get("/api/v1/status-pages", "Authorization", "Bearer " + token).body();
      assertThat(api).doesNotContain(VISITOR).doesNotContain(OTHER);
      for (Path f : databaseFiles()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain(VISITOR).doesNotContain(OTHER);
        assertThat(bytes.toLowerCase(java.util.Locale.ROOT))
            .doesNotContain("affiliate.visitor")
            .doesNotContain("second.reader");
      }
    }
  }

  private static void feedIsValidAtom(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element feed = doc.getDocumentElement();
    String atom = "http://www.w3.org/2005/Atom";
    assertThat(feed.getNamespaceURI()).isEqualTo(atom);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    for (String required : List.of("id", "title", "updated", "author")) {
      assertThat(children(feed, required)).as("feed/" + required).hasSize(1);
    }
    assertThat(text(feed, "id")).endsWith("/status/partners");
    assertThat(java.time.Instant.parse(text(feed, "updated"))).isNotNull();
    List<Element> entries = children(feed, "entry");
    assertThat(entries).isNotEmpty();
    for (Element e : entries) {
      for (String required : List.of("id", "title", "updated", "link")) {
        assertThat(children(e, required)).as("entry/" + required).isNotEmpty();
      }
      assertThat(java.time.Instant.parse(text(e, "updated"))).isNotNull();
      assertThat(java.net.URI.create(text(e, "id")).isAbsolute()).isTrue();
    }
    assertThat(entries.stream().map(e -> text(e, "id")).distinct()).hasSize(entries.size());
    assertThat(xml)
        .contains("The tracking provider is looking into it.")
        .doesNotContain("rotating the tracking keys")
        .doesNotContain(target.url("/pixel").toString());
  }

  private static List<Element> children(Element parent, String name) {
    NodeList all = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
    List<Element> out = new java.util.ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      if (parent.isSameNode(all.item(i).getParentNode())) {
        out.add((Element) all.item(i));
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    return children(parent, name).get(0).getTextContent();
  }

  private static List<Path> databaseFiles() throws java.io.IOException {
    try (var files = Files.list(dir.resolve("data"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("tickr.db")).toList();
    }
  }

  private static Map<String, Integer> subscribers(Browser http, String token) throws Exception {
    JsonNode page =
        JSON.readTree(
            http.get("/api/v1/status-pages/partners", "Authorization", "Bearer " + token).body());
    return Map.of(
        "pending", page.path("subscribers").path("pending").asInt(-1),
        "confirmed", page.path("subscribers").path("confirmed").asInt(-1));
  }

  private static long openIncident(Browser http, String token) throws Exception {
    JsonNode list =
        JSON.readTree(
            http.get("/api/v1/incidents?open=true", "Authorization", "Bearer " + token).body());
    return list.path("incidents").get(0).path("id").asLong();
  }

  private static void note(Browser http, String token, long incident, String text, boolean pub)
      throws Exception {
    String body = JSON.createObjectNode().put("text", text).put("public", pub).toString();
    assertThat(
            http.post(
                    "/api/v1/incidents/" + incident + "/notes",
                    body,
                    "Authorization",
                    "Bearer " + token)
                .statusCode())
        .isEqualTo(201);
  }

  /** The mails one address received, in order. */
  private static List<MimeMessage> received(String address) {
    return Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
  }

  /** The {@code n}th mail (1-based) to {@code address}, failing when there are not that many. */
  private static MimeMessage last(String address, int n) {
    List<MimeMessage> mine = received(address);
    assertThat(mine).as("mails to " + address).hasSizeGreaterThanOrEqualTo(n);
    return mine.get(n - 1);
  }

  private static String to(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage m) throws Exception {
    return String.valueOf(m.getContent());
  }

  private static String link(Pattern p, MimeMessage m) throws Exception {
    Matcher matcher = p.matcher(body(m));
    assertThat(matcher.find()).as("a link in:\n" + body(m)).isTrue();
    return matcher.group(1);
  }
}
