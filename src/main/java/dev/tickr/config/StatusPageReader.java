package dev.tickr.config;

import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code status-pages:} (and a page sent to the REST API): a URL-safe unique {@code slug}, a
 * {@code title}, the {@code monitors} shown, each an existing monitor and listed once, and {@code
 * groups} of those monitors, each monitor in one group at most.
 */
final class StatusPageReader {
  static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  private final Problems problems;
  private final Read read;
  private final Collection<String> monitorNames;
  private final @Nullable Map<String, String> channelTypes;
  private final String source;

  /**
   * @param monitorNames every monitor a page may show
   * @param source where the pages come from: {@link MonitorSpec#SOURCE_YAML} or {@code _API}
   */
  StatusPageReader(Problems problems, Collection<String> monitorNames, String source) {
    this(problems, monitorNames, null, source);
  }

  /**
   * @param channelTypes the type of each channel, by name, that {@code subscriptions.email.channel}
   *     may name; null where the channels are not known (a page sent to the API)
   */
  StatusPageReader(
      Problems problems,
      Collection<String> monitorNames,
      @Nullable Map<String, String> channelTypes,
      String source) {
    this.problems = problems;
    this.read = new Read(problems);
    this.monitorNames = monitorNames;
    this.channelTypes = channelTypes;
    this.source = source;
  }

  /** The pages, meaningful only when no problem was reported. */
  List<StatusPageSpec> read(@Nullable Node node) {
    Sequence list =
        node == null ? null : read.sequence(node, "status-pages", "a list of status pages");
    if (list == null) {
      return List.of();
    }
    List<StatusPageSpec> pages = new ArrayList<>();
    Map<String, Location> first = new LinkedHashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Mapping mapping =
          read.mapping(
              list.items().get(i), "status-pages[" + i + "]", "a mapping with slug and title");
      if (mapping != null) {
        StatusPageSpec page = page(mapping, first);
        if (page != null) {
          pages.add(page);
        }
      }
    }
    return pages;
  }

  private @Nullable StatusPageSpec page(Mapping mapping, Map<String, Location> first) {
    int before = problems.count();
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(Keys.STATUS_PAGE, problems);
    Map<String, Location> locations = new LinkedHashMap<>();
    String slug = slug(fields, first, locations);
    Node titleNode = fields.get("title");
    String title = slug;
    if (titleNode != null) {
      title = read.nonEmptyText(titleNode, "title");
      locations.put("title", titleNode.at());
    }
    List<String> monitors = monitors(fields.get("monitors"), locations);
    List<StatusPageSpec.Group> groups = groups(fields.get("groups"), monitors, locations);
    String emailChannel = emailChannel(fields.get("subscriptions"), locations);
    if (slug == null || title == null || problems.count() > before) {
      return null;
    }
    return new StatusPageSpec(
        slug, title, monitors, groups, emailChannel, locations, mapping.at().line(), source);
  }

  /**
   * {@code subscriptions: {email: {channel: NAME}}}: the {@code email} channel whose SMTP settings
   * send the mails of the page's subscribers; null when visitors cannot subscribe by email.
   */
  private @Nullable String emailChannel(@Nullable Node node, Map<String, Location> locations) {
    Mapping subscriptions =
        node == null ? null : read.mapping(node, "subscriptions", "a mapping with email");
    if (subscriptions == null) {
      return null;
    }
    Fields fields = Fields.of(subscriptions);
    fields.rejectUnknown(Keys.STATUS_PAGE_SUBSCRIPTIONS, problems);
    Node emailNode = fields.get("email");
    Mapping email =
        emailNode == null
            ? null
            : read.mapping(emailNode, "subscriptions.email", "a mapping with channel");
    if (email == null) {
      return null;
    }
    Fields emailFields = Fields.of(email);
    emailFields.rejectUnknown(Keys.STATUS_PAGE_EMAIL, problems);
    Node channelNode = emailFields.get("channel");
    if (channelNode == null) {
      read.problem(
          emailFields.at(), "subscriptions.email has no \"channel\" (an email channel's name)");
      return null;
    }
    String channel = read.nonEmptyText(channelNode, "subscriptions.email.channel");
    if (channel == null) {
      return null;
    }
    locations.put("subscriptions.email.channel", channelNode.at());
    if (channelTypes != null && !"email".equals(channelTypes.get(channel))) {
      read.problem(
          channelNode.at(),
          channelTypes.containsKey(channel)
              ? "channel "
                  + Node.describe(channelNode)
                  + " is of type "
                  + Node.quote(String.valueOf(channelTypes.get(channel)))
                  + ": subscriptions send mail through an email channel"
              : "unknown channel "
                  + Node.describe(channelNode)
                  + Suggestions.didYouMean(channel, channelTypes.keySet()));
      return null;
    }
    return channel;
  }

  private @Nullable String slug(
      Fields fields, Map<String, Location> first, Map<String, Location> locations) {
    Node node = fields.get("slug");
    if (node == null) {
      read.problem(fields.at(), "status page has no \"slug\"");
      return null;
    }
    String slug = read.nonEmptyText(node, "slug");
    if (slug == null) {
      return null;
    }
    locations.put("slug", node.at());
    Location earlier = first.putIfAbsent(slug, node.at());
    if (earlier != null) {
      read.problem(
          node.at(),
          "duplicate status page slug "
              + Node.quote(slug)
              + " (first declared at line "
              + earlier.line()
              + ")");
      return null;
    }
    if (!SLUG.matcher(slug).matches()) {
      read.problem(
          node.at(),
          "slug must be lower-case letters, digits and dashes (it is part of a URL), got "
              + Node.describe(node));
      return null;
    }
    return slug;
  }

  /** The page's monitors: each must exist, and be listed once. */
  private List<String> monitors(@Nullable Node node, Map<String, Location> locations) {
    if (node == null) {
      return List.of();
    }
    locations.put("monitors", node.at());
    List<Scalar> names = read.strings(node, "monitors");
    Set<String> out = new LinkedHashSet<>();
    for (Scalar s : names == null ? List.<Scalar>of() : names) {
      if (!monitorNames.contains(s.text())) {
        read.problem(
            s.at(),
            "unknown monitor " + Node.describe(s) + Suggestions.didYouMean(s.text(), monitorNames));
      } else if (!out.add(s.text())) {
        read.problem(s.at(), "monitor " + Node.describe(s) + " is listed twice");
      } else {
        locations.put("monitors[" + (out.size() - 1) + "]", s.at());
      }
    }
    return List.copyOf(out);
  }

  /**
   * The groups: each has a unique {@code name} and {@code monitors} of the page, and a monitor is
   * in one group at most (the page shows it once).
   */
  private List<StatusPageSpec.Group> groups(
      @Nullable Node node, List<String> pageMonitors, Map<String, Location> locations) {
    Sequence list =
        node == null
            ? null
            : read.sequence(node, "groups", "a list of groups, each with name and monitors");
    if (list == null) {
      return List.of();
    }
    locations.put("groups", list.at());
    List<StatusPageSpec.Group> groups = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Map<String, String> groupOf = new HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      String at = "groups[" + i + "]";
      Mapping mapping = read.mapping(list.items().get(i), at, "a mapping with name and monitors");
      if (mapping == null) {
        continue;
      }
      Fields fields = Fields.of(mapping);
      fields.rejectUnknown(Keys.STATUS_PAGE_GROUP, problems);
      Node nameNode = fields.get("name");
      String name = null;
      String label = at;
      if (nameNode == null) {
        read.problem(fields.at(), "group has no \"name\" (its heading on the page)");
      } else {
        name = read.nonEmptyText(nameNode, at + ".name");
        locations.put(at + ".name", nameNode.at());
        label = name == null ? at : name;
        if (name != null && !names.add(name)) {
          read.problem(nameNode.at(), "group name " + Node.describe(nameNode) + " is used twice");
          name = null;
        }
      }
      List<String> members = new ArrayList<>();
      Node monitorsNode = fields.get("monitors");
      List<Scalar> items =
          monitorsNode == null ? List.of() : read.strings(monitorsNode, at + ".monitors");
      for (Scalar s : items == null ? List.<Scalar>of() : items) {
        String other = groupOf.get(s.text());
        if (!monitorNames.contains(s.text())) {
          read.problem(
              s.at(),
              "unknown monitor "
                  + Node.describe(s)
                  + Suggestions.didYouMean(s.text(), monitorNames));
        } else if (!pageMonitors.contains(s.text())) {
          read.problem(
              s.at(),
              "monitor "
                  + Node.describe(s)
                  + " is not on this page: add it to the page's monitors to show it in a group");
        } else if (other != null) {
          read.problem(
              s.at(),
              "monitor "
                  + Node.describe(s)
                  + " is in group "
                  + Node.quote(other)
                  + " already (a page shows a monitor once)");
        } else {
          groupOf.put(s.text(), label);
          locations.put(at + ".monitors[" + members.size() + "]", s.at());
          members.add(s.text());
        }
      }
      if (name != null) {
        groups.add(new StatusPageSpec.Group(name, members));
      }
    }
    return groups;
  }
}
