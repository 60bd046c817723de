import { describe, expect, it } from 'vitest';
import { measureXml } from '../../electron/xlsx/xml-extent';

const measure = (xml: string, exactAbove = 10) => measureXml(Buffer.from(xml, 'utf8'), exactAbove);

describe('measuring a worksheet on its bytes', () => {
  it('sees cells written with a namespace prefix, as some generators write them', () => {
    const extent = measure('<x:worksheet><x:dimension ref="A1:B2"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="70000"><x:c r="XFD70000"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>');
    expect(extent).toMatchObject({ dimension: { ref: 'A1:B2', rows: 2, columns: 2 }, lastRow: 70000, lastColumn: 16384, cells: 2 });
  });

  it('places cells and rows written without a reference where a spreadsheet would', () => {
    const extent = measure('<sheetData><row><c><v>1</v></c><c><v>2</v></c><c/></row><row><c><v>3</v></c></row></sheetData>');
    expect(extent).toMatchObject({ dimension: null, lastRow: 2, lastColumn: 3, cells: 4 });
  });

  it('counts a long text in characters: entities and multi-byte letters are one each, rich-text runs add up', () => {
    const text = '&amp;'.repeat(6) + 'é'.repeat(6);
    const extent = measure(`<sst><si><t>short</t></si><si><r><t>${text}</t></r><r><t>abc</t></r></si></sst>`);
    expect(extent.longest).toEqual({ chars: 15, where: 'shared string 2' });
  });
});
