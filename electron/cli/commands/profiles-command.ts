import type { Command } from 'commander';
import { builtinProfiles } from '../../../shared/disclosure/builtin-profiles';
import { describeSuppressedRange } from '../../../shared/disclosure/profile';
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
        const rules = [
          `suppress ${describeSuppressedRange(profile)} as "${profile.marker}"`,
          profile.rounding ? `round to ${profile.rounding.base} (${profile.rounding.tie})` : 'no rounding',
          profile.secondarySuppression ? 'complementary suppression' : 'no complementary suppression',
          `national ${profile.national === 'exempt' ? 'exact' : 'as local'}`,
          `totals ${profile.totals}`,
          `protection width ${profile.protectionWidth}`,
        ];
        runtime.out(`  ${rules.join('; ')}`);
        for (const source of profile.sources) runtime.out(`  source: ${source.title}${source.url ? ` <${source.url}>` : ''}`);
        runtime.out('');
      }
    });
}
