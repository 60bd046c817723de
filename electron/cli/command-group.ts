import type { Command } from 'commander';

/**
 * A command that only groups subcommands, shared by the features that add to it: `custodian export
 * register`, `custodian export findings`, `custodian import register`, `custodian import dur`…
 * Each feature calls this with the same name and adds its own subcommand; the first call creates
 * the group, later calls get the same one, so registration order does not matter.
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((command) => command.name() === name);
  return existing ?? program.command(name).description(description);
}
