/** A failure the CLI reports on one line with a chosen exit code (2: bad usage or bad input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
