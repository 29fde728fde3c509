/**
 * One class per {@code zeroscale} sub-command. Each is a short list of steps over the control
 * client; {@link io.zeroscale.cli.command.UpCommand} is the only one that starts anything.
 */
package io.zeroscale.cli.command;
