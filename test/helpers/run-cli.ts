import { runCli } from '../../electron/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as `custodian ARGS...` would from a shell. */
export async function runCliCaptured(args: string[], env: NodeJS.ProcessEnv = {}, options: { all?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
  }, options);
  return { code, stdout, stderr };
}
