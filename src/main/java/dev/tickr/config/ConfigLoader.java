package dev.tickr.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a YAML config into an immutable, validated {@link Config}: built-in defaults, then the
 * file's {@code defaults:}, then each value as written, then every check, reporting all problems at
 * once as {@code file:line:col: message}.
 *
 * <p>{@code ${NAME}} in any string reads the environment given to the constructor (never the
 * process environment directly), so tests and the API can pass their own.
 */
public final class ConfigLoader {
  private final Map<String, String> environment;
  private final Types types;
  private final Function<List<ChannelSpec>, List<Problem>> channelCheck;

  /**
   * @param types the monitor types a monitor may have
   */
  public ConfigLoader(Map<String, String> environment, Types types) {
    this(environment, types, channels -> List.of());
  }

  private ConfigLoader(
      Map<String, String> environment,
      Types types,
      Function<List<ChannelSpec>, List<Problem>> channelCheck) {
    this.environment = Map.copyOf(environment);
    this.types = types;
    this.channelCheck = channelCheck;
  }

  /**
   * A loader that also checks each channel's own settings with {@code check} (the alerting code's
   * reader, which the config package does not know), so that their problems are reported and sorted
   * with all the others.
   */
  public ConfigLoader checkingChannels(Function<List<ChannelSpec>, List<Problem>> check) {
    return new ConfigLoader(environment, types, check);
  }

  /**
   * @throws ConfigException naming every problem, the file's own when it cannot be read
   */
  public Config load(Path file) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw fileProblem(name, "cannot read the config: it is a directory");
      }
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw fileProblem(name, "cannot read the config: no such file");
    } catch (AccessDeniedException e) {
      throw fileProblem(name, "cannot read the config: permission denied");
    } catch (CharacterCodingException e) {
      throw fileProblem(name, "cannot read the config: it is not UTF-8 text");
    } catch (IOException e) {
      throw fileProblem(name, "cannot read the config: " + e.getMessage());
    }
    return parse(name, text);
  }

  /**
   * @param fileName how problems name the text, e.g. {@code tickr.yml}
   * @throws ConfigException naming every problem
   */
  public Config parse(String fileName, String yaml) throws ConfigException {
    Problems problems = new Problems();
    YamlReader reader = new YamlReader(fileName, environment, problems);
    Node root = reader.read(yaml);
    Config config =
        problems.count() == 0
            ? new ConfigReader(problems, types).read(root).withSecretValues(reader.substituted())
            : null;
    if (config != null) {
      channelCheck.apply(config.channels()).forEach(problems::add);
    }
    if (config == null || problems.count() > 0) {
      Set<String> secrets = reader.substituted();
      throw new ConfigException(problems.sorted().stream().map(p -> p.scrubbed(secrets)).toList());
    }
    return config;
  }

  private static ConfigException fileProblem(String file, String message) {
    return new ConfigException(List.of(new Problem(file, 1, 1, message)));
  }
}
