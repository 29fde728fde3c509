package io.zeroscale.cli.cluster;

/** Pod logs as the CLI prints them: every line prefixed by its pod, as {@code kubectl --prefix}. */
public final class PodLogs {

  private PodLogs() {}

  /** Each line of {@code log} as {@code [pod] line}; nothing for an empty log. */
  public static String prefixed(String pod, String log) {
    if (log == null || log.isEmpty()) {
      return "";
    }
    String body = log.endsWith("\n") ? log.substring(0, log.length() - 1) : log;
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      sb.append('[').append(pod).append("] ").append(line).append('\n');
    }
    return sb.toString();
  }
}
