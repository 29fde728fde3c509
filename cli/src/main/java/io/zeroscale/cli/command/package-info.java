/**
 * One class per {@code zeroscale} sub-command. Each client command is a short list of steps over
 * the control client, and a second list over a cluster's {@code Function} resources for {@code
 * --kubernetes}; {@link io.zeroscale.cli.command.UpCommand} is the only one that starts anything.
 */
package io.zeroscale.cli.command;
