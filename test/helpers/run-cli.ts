import { runCli } from '../../electron/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with captured output, as `custodian ARGS...` would from a shell;
 * `stdin` is what `--json -` reads; `all` defines every command in full, as --help tests compare.
 */
export async function runCliCaptured(args: string[], env: NodeJS.ProcessEnv = {}, options: { all?: boolean; stdin?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env,
      ...(options.stdin === undefined ? {} : { stdin: async () => options.stdin! }),
    },
    { all: options.all },
  );
  return { code, stdout, stderr };
}
