/**
 * Finds the delimiter of a CSV from its first lines: the candidate that splits every sampled line
 * into the same number of fields, and the most of them. Semicolons are what Excel writes where the
 * comma is the decimal separator; tabs come from copy and paste.
 */
export const delimiterCandidates = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiterCandidates)[number];

export function detectDelimiter(sample: string): Delimiter {
  const lines = firstLines(sample, 50);
  if (lines.length === 0) return ',';
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const candidate of delimiterCandidates) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const first = counts[0]!;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    // Consistency matters most; among consistent candidates, more fields wins.
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Complete lines only (the last may be cut off by the sample), skipping blank ones; quoted newlines are respected. */
function firstLines(text: string, limit: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < limit; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      const line = text.slice(start, i);
      if (line.trim()) lines.push(line);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (lines.length === 0 && text.trim()) lines.push(text);
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) n++;
  }
  return n;
}
