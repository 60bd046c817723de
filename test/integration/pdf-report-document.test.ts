import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ReportDocument } from '../../electron/reports/pdf/report-document';
import { extractPdfText } from '../helpers/pdf-text';
import { useTempDir } from '../helpers/temp-dir';

const generatedAt = new Date('2025-06-12T13:05:00Z');
const base = { title: 'Holdings audit report', organisationName: 'Northern Care Analytics Ltd', generatedAt };

interface Row {
  ref: string;
  dataset: string;
  records: number;
}
const manyRows: Row[] = Array.from({ length: 120 }, (_, i) => ({
  ref: `FILE-${String(i).padStart(4, '0')}`,
  dataset: i % 9 === 0 ? 'Hospital Episode Statistics Admitted Patient Care with a long description that wraps onto further lines' : 'HES APC',
  records: 1000 * i,
}));
const columns = [
  { header: 'File reference', width: 2, value: (r: Row) => r.ref },
  { header: 'Dataset name', width: 4, value: (r: Row) => r.dataset },
  { header: 'Record count', width: 1.5, align: 'right' as const, value: (r: Row) => r.records },
];

async function render(build: (report: ReportDocument) => void, options: Partial<ConstructorParameters<typeof ReportDocument>[0]> = {}) {
  const report = new ReportDocument({ ...base, ...options });
  build(report);
  return extractPdfText(await report.toBuffer());
}

describe('ReportDocument', () => {
  it('prints the title block: title, subtitle, organisation, when generated (UK time) and extra details', async () => {
    const { pages, info } = await render(() => {}, { subtitle: 'All agreements', details: [['As of', '2025-06-30']] });
    expect(pages).toHaveLength(1);
    const first = pages[0]!;
    for (const expected of ['Holdings audit report', 'All agreements', 'Northern Care Analytics Ltd', '12 June 2025 at 14:05 BST', 'As of', '2025-06-30']) {
      expect(first).toContain(expected);
    }
    expect(info.Title).toBe('Holdings audit report');
  });

  it('says the organisation name is not set rather than leaving a blank', async () => {
    const { pages } = await render(() => {}, { organisationName: '  ' });
    expect(pages[0]).toContain('Organisation name not set (Settings)');
  });

  it('numbers every page "Page N of M" with the right total', async () => {
    const { pages } = await render((r) => r.table({ caption: 'Holdings', columns, rows: manyRows }));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('repeats the caption (continued) and the header row on every page a table runs onto, and draws each row once', async () => {
    const { pages } = await render((r) => r.table({ caption: 'Holdings', columns, rows: manyRows }));
    const all = pages.join('\n');
    for (const row of manyRows) expect(all.split(row.ref).length - 1).toBe(1);
    pages.forEach((text, i) => {
      expect(text).toContain('File reference');
      expect(text).toContain('Record count');
      if (i > 0) expect(text).toContain('Holdings (continued)');
    });
    // Numbers are formatted for reading, right-aligned in their column.
    expect(all).toContain('119,000');
  });

  it('wraps long cell text inside its column without losing a word', async () => {
    const long = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango';
    const { pages } = await render((r) => r.table({ columns: [{ header: 'Narrow', width: 1, value: (x: string) => x }, { header: 'Wide', width: 5, value: () => 'w' }], rows: [long] }));
    const words = pages[0]!.split(/\s+/);
    for (const word of long.split(' ')) expect(words).toContain(word);
  });

  it('splits a row taller than a page across pages instead of cutting it off', async () => {
    const huge = Array.from({ length: 4000 }, (_, i) => `w${i}`).join(' ');
    const { pages } = await render((r) => r.table({ caption: 'Giant', columns: [{ header: 'Text', width: 1, value: (x: string) => x }], rows: [huge] }));
    expect(pages.length).toBeGreaterThan(1);
    const words = pages.join(' ').split(/\s+/);
    expect(words).toContain('w0');
    expect(words).toContain('w3999');
  });

  it('says so when a table has no rows', async () => {
    const { pages } = await render((r) => r.table({ caption: 'Findings', columns, rows: [], emptyText: 'No findings on this date.' }));
    expect(pages[0]).toContain('No findings on this date.');
  });

  it('prints headings, paragraphs and key-value blocks', async () => {
    const { pages } = await render((r) => {
      r.heading('DARS-NIC-00574-V2H1F v4.2');
      r.keyValues([['Start date', '2024-04-01'], ['Commercial', false], ['Records', 12345]]);
      r.heading('Datasets', 2);
      r.paragraph('Every copy is listed with its location.');
    });
    const text = pages[0]!;
    for (const expected of ['DARS-NIC-00574-V2H1F v4.2', 'Start date', '2024-04-01', 'Commercial', 'No', '12,345', 'Datasets', 'Every copy is listed with its location.']) {
      expect(text).toContain(expected);
    }
  });

  it('draws characters Helvetica lacks as readable replacements, not garbage', async () => {
    const { pages } = await render((r) => {
      r.paragraph('Zoë – counts ≤ 7 → suppressed; Erdős 😀 done');
      r.table({ columns: [{ header: 'Name → role', width: 1, value: (x: string) => x }], rows: ['Łukasz “Łódź” €5'] });
    });
    expect(pages[0]).toContain('Zoë – counts <= 7 -> suppressed; Erdos ? done');
    expect(pages[0]).toContain('Name -> role');
    expect(pages[0]).toContain('Lukasz “Lódz” €5');
  });

  it('render() lays the document out twice and numbers pages as they are written, with the same content as a buffered one', async () => {
    const build = (r: ReportDocument) => {
      r.heading('Holdings');
      r.table({ caption: 'Holdings', columns, rows: manyRows });
      r.newPage();
      r.paragraph('Last page.');
    };
    const streamed = await extractPdfText(await ReportDocument.render(base, build));
    const buffered = await render(build);
    expect(streamed.pages.length).toBeGreaterThan(3);
    // The footer is drawn first on a streamed page and last on a buffered one; the words are the same.
    const words = (page: string) => page.split(/\s+/).filter(Boolean).sort();
    expect(streamed.pages.map(words)).toEqual(buffered.pages.map(words));
    streamed.pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${streamed.pages.length}`));
  });

  describe('writeTo', () => {
    const temp = useTempDir();
    it('writes the PDF in one step, leaving no temporary file behind', async () => {
      const report = new ReportDocument(base);
      report.paragraph('Hello');
      const path = temp.path('report.pdf');
      const bytes = await report.writeTo(path);
      expect(readFileSync(path).equals(bytes)).toBe(true);
      expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
      expect(readdirSync(temp.dir)).toEqual(['report.pdf']);
    });
  });
});
