package io.zeroscale.cli.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files of a new Java function project, rendered from the templates under {@code
 * zeroscale-template/} on the classpath by replacing {@code {{name}}}-style placeholders. (A
 * template engine would be one more dependency for six small files with five placeholders.)
 */
public final class ProjectTemplate {

  /** Function names are DNS labels: they appear in host names. */
  static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

  static final String ZEROSCALE_VERSION = "0.1.0-SNAPSHOT";
  static final String QUARKUS_VERSION = "3.33.2";

  private final String name;
  private final String group;

  /**
   * @param name the function's name, also the project's directory and artifactId
   * @param group the Maven groupId and the Java package's prefix
   */
  public ProjectTemplate(String name, String group) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "NAME must be lower-case letters, digits and '-', start with a letter, end with a letter"
              + " or digit, at most 63 characters (it appears in host names), was '"
              + name
              + "'");
    }
    if (!Pattern.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*", group)) {
      throw new IllegalArgumentException(
          "--group must be a Java package name such as com.example, was '" + group + "'");
    }
    this.name = name;
    this.group = group;
  }

  /** The Java package of the handler: the group plus the name without dashes. */
  public String javaPackage() {
    return group + "." + name.replace("-", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Writes the project into {@code dir} (which must not exist yet) and, when {@code zeroscaleHome}
   * has one, a copy of its Maven wrapper, so that the project builds with {@code ./mvnw}.
   *
   * @return the files written, relative to {@code dir}
   */
  public List<Path> writeTo(Path dir, Path zeroscaleHome) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    Files.createDirectories(absolute);
    Map<String, String> values = values(absolute);
    for (Map.Entry<String, String> file : files().entrySet()) {
      Path target = absolute.resolve(file.getValue());
      Files.createDirectories(target.getParent());
      Files.writeString(target, render(read(file.getKey()), values));
    }
    copyWrapper(zeroscaleHome, absolute);
    try (var paths = Files.walk(absolute)) {
      return paths.filter(Files::isRegularFile).map(absolute::relativize).sorted().toList();
    }
  }

  /** Template resource → path in the project. */
  private Map<String, String> files() {
    String packageDir = javaPackage().replace('.', '/');
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pom.xml", "pom.xml");
    files.put("zeroscale.yaml", "zeroscale.yaml");
    files.put("gitignore", ".gitignore");
    files.put("Handler.java", "src/main/java/" + packageDir + "/Handler.java");
    files.put("application.properties", "src/main/resources/application.properties");
    files.put("zeroscale-jvm.properties", "src/main/zeroscale/zeroscale-jvm.properties");
    files.put("Dockerfile.jvm", "src/main/docker/Dockerfile.jvm");
    files.put("HandlerTest.java", "src/test/java/" + packageDir + "/HandlerTest.java");
    files.put("HandlerIT.java", "src/test/java/" + packageDir + "/HandlerIT.java");
    return files;
  }

  private Map<String, String> values(Path dir) {
    return Map.of(
        "name", name,
        "group", group,
        "package", javaPackage(),
        "dir", dir.toString().replace("\\", "\\\\").replace("\"", "\\\""),
        "zeroscaleVersion", ZEROSCALE_VERSION,
        "quarkusVersion", QUARKUS_VERSION);
  }

  static String render(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      out = out.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in =
        ProjectTemplate.class
            .getClassLoader()
            .getResourceAsStream("zeroscale-template/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("template file missing from the CLI: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyWrapper(Path home, Path dir) throws IOException {
    Path script = home.resolve("mvnw");
    Path properties = home.resolve(".mvn/wrapper/maven-wrapper.properties");
    if (!Files.isRegularFile(script) || !Files.isRegularFile(properties)) {
      return;
    }
    Files.copy(script, dir.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(dir.resolve(".mvn/wrapper"));
    Files.copy(properties, dir.resolve(".mvn/wrapper/maven-wrapper.properties"));
  }
}
