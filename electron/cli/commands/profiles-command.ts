import type { Command } from 'commander';
import { builtinProfiles } from '../../../shared/disclosure/builtin-profiles';
import { describeProfileRules } from '../../../shared/disclosure/describe-profile';
import type { CliRuntime } from '../runtime';

export function registerProfiles(program: Command, runtime: CliRuntime): void {
  program
    .command('profiles')
    .description('list the built-in disclosure profiles, with their rules and sources')
    .option('--json', 'print the profiles as JSON (the same schema as a custom profile file)')
    .action((options: { json?: boolean }) => {
      if (options.json) {
        runtime.out(JSON.stringify(builtinProfiles, null, 2));
        return;
      }
      for (const profile of builtinProfiles) {
        runtime.out(`${profile.id} (version ${profile.version}): ${profile.name}`);
        for (const line of describeProfileRules(profile)) runtime.out(`  ${line}`);
        for (const source of profile.sources) runtime.out(`  source: ${source.title}${source.url ? ` <${source.url}>` : ''}`);
        runtime.out('');
      }
    });
}
