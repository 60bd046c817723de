import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFileAtomic } from '../../electron/files/write-file-atomic';
import { useTempDir } from '../helpers/temp-dir';

describe('writeFileAtomic', () => {
  const temp = useTempDir();

  it('replaces an existing file whole and leaves no temporary file', () => {
    const path = temp.path('out.csv');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new contents');
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(temp.dir)).toEqual(['out.csv']);
  });

  it('leaves the old file untouched and cleans up when the write fails', () => {
    const path = temp.path('folder');
    mkdirSync(path);
    writeFileSync(temp.path('folder/keep.txt'), 'kept');
    // Renaming a file over a non-empty folder fails after the temporary file was written.
    expect(() => writeFileAtomic(path, 'x')).toThrow();
    expect(readdirSync(temp.dir)).toEqual(['folder']);
    expect(readFileSync(temp.path('folder/keep.txt'), 'utf8')).toBe('kept');
  });
});
