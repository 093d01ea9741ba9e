package org.partman4j.cli;

import picocli.CommandLine.Command;

/**
 * {@code partman config}: reads and changes a set's part_config row. It does nothing itself;
 * picocli asks for one of its subcommands.
 */
@Command(
    name = "config",
    sortOptions = false,
    description = {
      "Reads or changes a partition set's configuration (its part_config row).",
      "  partman config get public.events [COLUMN]",
      "  partman config set public.events retention '30 days'"
    },
    subcommands = {ConfigGetCommand.class, ConfigSetCommand.class})
final class ConfigCommand {}
