import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error';
import type { CliIo } from './runtime';

/**
 * The JSON given with `--json FILE` (or `--json -` for standard input): one object, or a list of
 * them where the command takes several. A file that cannot be read or is not JSON is bad input.
 */
export async function readJsonInput(io: CliIo, file: string): Promise<unknown> {
  let text: string;
  try {
    if (file === '-') {
      if (!io.stdin) throw new CliError('--json -: there is no standard input to read');
      text = await io.stdin();
    } else text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message)}`);
  }
  const where = file === '-' ? 'standard input' : file;
  if (text.trim() === '') throw new CliError(`${where} is empty: give a JSON object`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${where} is not valid JSON (${(error as Error).message})`);
  }
}

/** The JSON as one object of fields, or a one-line reason it is not. */
export function jsonObject(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${where} must hold one JSON object of fields`);
  return value as Record<string, unknown>;
}
