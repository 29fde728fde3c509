package io.zeroscale.cli.command;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(
    name = "zeroscale",
    mixinStandardHelpOptions = true,
    version = "zeroscale 0.1.0-SNAPSHOT",
    description = {
      "Deploy functions, call them over HTTP, and let them scale between zero and N.",
      "",
      "Start the platform with 'zeroscale up', then deploy and call functions from another shell."
    },
    footer = {
      "",
      "Examples:",
      "  zeroscale up                      start it, examples deployed",
      "  zeroscale deploy -f examples/hello/function.yaml",
      "  zeroscale invoke hello -d ping    call a function (wakes it)",
      "  zeroscale list                    ready and desired replicas",
      "  zeroscale logs hello --tail 50",
      "  zeroscale new my-fn               a Java function project to build and deploy",
      "  zeroscale kafka produce words 'to be or not to be'   wakes examples/wordcount",
      "",
      "The control API is at $ZEROSCALE_SERVER (default http://localhost:8081).",
      "On a cluster, deploy, list, describe, invoke, logs and delete take --kubernetes",
      "(or --context NAME, --kubeconfig FILE, ZEROSCALE_KUBERNETES=true) and work on its",
      "Function resources through the kubeconfig, as kubectl would."
    },
    subcommands = {
      UpCommand.class,
      DeployCommand.class,
      ListCommand.class,
      DescribeCommand.class,
      InvokeCommand.class,
      LogsCommand.class,
      DeleteCommand.class,
      NewCommand.class,
      KafkaCommand.class
    })
public class ZeroscaleCommand {}
