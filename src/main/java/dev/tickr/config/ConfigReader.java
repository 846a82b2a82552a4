package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the sections of a config file: channels, defaults and monitors, status pages, maintenance,
 * storage, server and connectivity, and checks the names that refer across sections.
 */
final class ConfigReader {
  private final Problems problems;
  private final Read read;
  private final Types types;

  /** From this many monitors on, two threads read them. */
  static final int PARALLEL_FROM = 2_000;

  ConfigReader(Problems problems, Types types) {
    this.problems = problems;
    this.read = new Read(problems);
    this.types = types;
  }

  /** The config, meaningful only when no problem was reported. */
  Config read(@Nullable Node root) {
    if (root == null || (root instanceof Scalar s && s.isNull())) {
      return Config.EMPTY;
    }
    Mapping mapping =
        read.mapping(root, "a config", "a mapping of sections like monitors: and channels:");
    if (mapping == null) {
      return Config.EMPTY;
    }
    Fields top = Fields.of(mapping);
    List<String> known = new ArrayList<>(Keys.TOP);
    // x-... keys hold YAML anchors for the rest of the file, as in Docker Compose.
    top.keys().stream().filter(k -> k.startsWith(Keys.EXTENSION_PREFIX)).forEach(known::add);
    top.rejectUnknown(known, problems);

    Set<String> channelNames = new LinkedHashSet<>();
    Map<String, ChannelPolicy> policies = new LinkedHashMap<>();
    List<ChannelSpec> channels = channels(top.get("channels"), channelNames, policies);
    Fields defaults = defaults(top.get("defaults"), mapping.at());
    Set<String> monitorNames = new LinkedHashSet<>();
    List<MonitorSpec> monitors =
        QuotaPlan.apply(
            monitors(
                top.get("monitors"),
                found -> new MonitorReader(found, types, defaults, channelNames),
                monitorNames),
            read);
    RevenueKeys.links(monitors, monitorNames, read);
    List<StatusPageSpec> pages =
        new StatusPageReader(
                problems, monitorNames, channelTypes(channels), MonitorSpec.SOURCE_YAML)
            .read(top.get("status-pages"));
    List<MaintenanceWindow> maintenance =
        new MaintenanceReader(problems, monitorNames).read(top.get("maintenance"));
    StorageSpec storage = new StorageReader(problems).read(top.get("storage"));
    ServerSpec server = new ServerReader(problems).read(top.get("server"));
    ConnectivitySpec connectivity = new ConnectivityReader(problems).read(top.get("connectivity"));
    return new Config(
        monitors,
        channels,
        pages,
        maintenance,
        storage == null ? StorageSpec.DEFAULT : storage,
        server == null ? ServerSpec.DEFAULT : server,
        policies,
        SecretValues.NONE,
        connectivity == null ? ConnectivitySpec.OFF : connectivity);
  }

  private static Map<String, String> channelTypes(List<ChannelSpec> channels) {
    Map<String, String> out = new LinkedHashMap<>();
    channels.forEach(c -> out.put(c.name(), c.type()));
    return out;
  }

  private List<ChannelSpec> channels(
      @Nullable Node node, Set<String> names, Map<String, ChannelPolicy> policies) {
    Sequence list = node == null ? null : read.sequence(node, "channels", "a list of channels");
    if (list == null) {
      return List.of();
    }
    List<ChannelSpec> channels = new ArrayList<>();
    Map<String, Location> first = new LinkedHashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Mapping mapping =
          read.mapping(list.items().get(i), "channels[" + i + "]", "a mapping with name and type");
      if (mapping == null) {
        continue;
      }
      int before = problems.count();
      Fields fields = Fields.of(mapping);
      String name = uniqueName(fields, "name", "channel", first);
      if (name != null) {
        names.add(name);
      }
      String type = channelType(fields, name);
      ChannelPolicy policy = type == null ? null : new PolicyReader(read).read(fields, type);
      Raw raw = new Raw();
      Map<String, Object> settings = raw.mapping(mapping, "", Keys.CHANNEL);
      if (name != null && type != null && policy != null && problems.count() == before) {
        policies.put(name, policy);
        // Where name and type were written too, so the channel's reader can point at the channel.
        Map<String, Location> locations = new LinkedHashMap<>(raw.locations());
        for (String key : Keys.CHANNEL) {
          Node at = fields.get(key);
          if (at != null) {
            locations.put(key, at.at());
          }
        }
        channels.add(
            new ChannelSpec(name, type, settings, locations, raw.secrets(), mapping.at().line()));
      }
    }
    return channels;
  }

  private @Nullable String channelType(Fields fields, @Nullable String name) {
    Node node = fields.get("type");
    String types = String.join(", ", ChannelSpec.TYPES);
    if (node == null) {
      read.problem(
          fields.at(),
          "channel"
              + (name == null ? "" : " " + Node.quote(name))
              + " has no \"type\" (one of "
              + types
              + ")");
      return null;
    }
    String type = read.text(node, "type");
    if (type == null) {
      return null;
    }
    String wanted = type.strip().toLowerCase(Locale.ROOT);
    if (!ChannelSpec.TYPES.contains(wanted)) {
      read.problem(
          node.at(),
          "unknown channel type "
              + Node.describe(node)
              + Suggestions.didYouMean(wanted, ChannelSpec.TYPES)
              + "; expected one of "
              + types);
      return null;
    }
    return wanted;
  }

  /** The name under {@code key}, reported when missing or used before. */
  private @Nullable String uniqueName(
      Fields fields, String key, String what, Map<String, Location> first) {
    Node node = fields.get(key);
    if (node == null) {
      read.problem(fields.at(), what + " has no " + Node.quote(key));
      return null;
    }
    String name = read.nonEmptyText(node, key);
    if (name == null) {
      return null;
    }
    Location earlier = first.putIfAbsent(name, node.at());
    if (earlier != null) {
      read.problem(
          node.at(),
          "duplicate "
              + what
              + " "
              + key
              + " "
              + Node.quote(name)
              + " (first declared at line "
              + earlier.line()
              + ")");
      return null;
    }
    return name;
  }

  /** The {@code defaults:} entries that a monitor may take. */
  private Fields defaults(@Nullable Node node, Location fileStart) {
    Mapping mapping =
        node == null ? null : read.mapping(node, "defaults", "a mapping of monitor keys");
    if (mapping == null) {
      return Fields.copyOf(fileStart, Map.of());
    }
    Map<String, Entry> kept = new LinkedHashMap<>();
    for (Entry e : mapping.entries()) {
      String key = e.key().text();
      if (types.ownOnlyKeys().contains(key)) {
        read.problem(
            e.key().at(),
            Node.quote(key) + " cannot be set in defaults: it belongs to one monitor");
      } else if (!types.defaultsKeys().contains(key)) {
        read.problem(
            e.key().at(),
            "unknown key " + Node.quote(key) + Suggestions.didYouMean(key, types.defaultsKeys()));
      } else {
        kept.put(key, e);
      }
    }
    return Fields.copyOf(mapping.at(), kept);
  }

  private List<MonitorSpec> monitors(
      @Nullable Node node, Function<Problems, MonitorReader> readers, Set<String> names) {
    Sequence list = node == null ? null : read.sequence(node, "monitors", "a list of monitors");
    if (list == null) {
      return List.of();
    }
    List<MonitorReader.Result> results = read(list.items(), readers);
    List<MonitorSpec> monitors = new ArrayList<>();
    Map<String, Location> first = new LinkedHashMap<>();
    Map<String, String> tokens = new HashMap<>();
    for (MonitorReader.Result result : results) {
      String name = result.name();
      Location nameAt = result.nameAt();
      if (name == null || nameAt == null) {
        continue;
      }
      names.add(name);
      Location earlier = first.putIfAbsent(name, nameAt);
      if (earlier != null) {
        read.problem(
            nameAt,
            "duplicate monitor name "
                + Node.quote(name)
                + " (first declared at line "
                + earlier.line()
                + ")");
      } else if (result.spec() != null) {
        MonitorSpec spec = result.spec();
        String token = spec.settings() instanceof PushedSettings pushed ? pushed.token() : null;
        String sharing = token == null ? null : tokens.putIfAbsent(token, name);
        if (sharing != null) {
          read.problem(
              nameAt,
              spec.type().name()
                  + " monitor "
                  + Node.quote(name)
                  + " has the same token as "
                  + Node.quote(sharing)
                  + "; each needs its own");
        } else {
          monitors.add(spec);
        }
      }
    }
    return monitors;
  }

  /**
   * Reads each monitor; a long list in two halves at once, the second on another thread with its
   * own reader and problems (a reader keeps caches and is not shared). Results keep their order.
   */
  private List<MonitorReader.Result> read(
      List<Node> items, Function<Problems, MonitorReader> readers) {
    MonitorReader.Result[] results = new MonitorReader.Result[items.size()];
    int half = items.size() < PARALLEL_FROM ? items.size() : items.size() / 2;
    Problems otherProblems = new Problems();
    FutureTask<@Nullable Void> other =
        new FutureTask<>(
            () -> {
              MonitorReader reader = readers.apply(otherProblems);
              for (int i = half; i < items.size(); i++) {
                results[i] = reader.read(items.get(i), i);
              }
              return null;
            });
    if (half < items.size()) {
      Thread.ofPlatform().daemon().name("tickr-config-read-2").start(other);
    }
    MonitorReader reader = readers.apply(problems);
    for (int i = 0; i < half; i++) {
      results[i] = reader.read(items.get(i), i);
    }
    if (half < items.size()) {
      try {
        other.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the monitors", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
      otherProblems.sorted().forEach(problems::add);
    }
    return Arrays.asList(results);
  }
}
