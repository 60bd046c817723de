import { writeZip, type ZipPart } from './zip-writer';

/**
 * Workbooks built to hurt a reader, for the tests of the bounded XLSX readers. Each is a valid
 * ZIP with the parts Excel writes, one sheet (named as asked, so the Data Uses Register reader
 * finds it) and whatever is hostile about it.
 */
function workbookParts(sheetName: string, sheetXml: ZipPart['content'], extra: ZipPart[] = [], sheetDeclaredSize?: number): ZipPart[] {
  const hasStrings = extra.some((p) => p.name === 'xl/sharedStrings.xml');
  return [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        (hasStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        (hasStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : '') +
        '</Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', content: sheetXml, ...(sheetDeclaredSize !== undefined ? { declaredSize: sheetDeclaredSize } : {}) },
    ...extra,
  ];
}

const sheetOpen = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** About 1.6 KB: a header row, and one cell at XFD1048576, the last cell a sheet can have. */
export function sparseWorkbook(path: string, sheetName = 'Agreements'): Promise<number> {
  return writeZip(
    path,
    workbookParts(
      sheetName,
      `${sheetOpen}<dimension ref="A1:XFD1048576"/><sheetData>` +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Reference Number</t></is></c><c r="B1" t="inlineStr"><is><t>count</t></is></c></row>' +
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
    ),
  );
}

/** Rows of one small cell each, `megabytes` of them unpacked, packed about 1000:1. */
function* manyRows(megabytes: number): Generator<Buffer> {
  yield Buffer.from(`${sheetOpen}<sheetData>`);
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.floor((1024 * 1024) / row.length)));
  for (let i = 0; i < megabytes; i++) yield chunk;
  yield Buffer.from('</sheetData></worksheet>');
}

/** A zip bomb: a sheet of about 450 MB packed into a file of well under 1 MB, declaring its true size. */
export function zipBomb(path: string, sheetName = 'Agreements'): Promise<number> {
  return writeZip(path, workbookParts(sheetName, manyRows(450)));
}

/** The same bomb, but its directory claims the sheet unpacks to 4 KB. */
export function lyingZipBomb(path: string, sheetName = 'Agreements'): Promise<number> {
  return writeZip(path, workbookParts(sheetName, manyRows(450), [], 4096));
}

/** One shared string of `megabytes` MB of text in cell A2 under a header row. */
export function hugeCellWorkbook(path: string, megabytes: number, sheetName = 'Agreements'): Promise<number> {
  const text = Buffer.alloc(megabytes * 1024 * 1024, 'A');
  return writeZip(
    path,
    workbookParts(
      sheetName,
      `${sheetOpen}<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>3</v></c></row></sheetData></worksheet>',
      [
        {
          name: 'xl/sharedStrings.xml',
          content: [
            Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>Reference Number</t></si><si><t>count</t></si><si><t>'),
            text,
            Buffer.from('</t></si></sst>'),
          ],
        },
      ],
    ),
  );
}

/** `count` shared strings of 32,000 characters each (Excel's limit is 32,767), one per row: text at the bounds. */
export function longTextWorkbook(path: string, count: number, sheetName = 'Agreements'): Promise<number> {
  function* sheet(): Generator<Buffer> {
    yield Buffer.from(`${sheetOpen}<sheetData>`);
    for (let r = 1; r <= count; r++) yield Buffer.from(`<row r="${r}"><c r="A${r}" t="s"><v>${r - 1}</v></c></row>`);
    yield Buffer.from('</sheetData></worksheet>');
  }
  function* strings(): Generator<Buffer> {
    yield Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`);
    const text = Buffer.alloc(32_000, 'x');
    for (let i = 0; i < count; i++) yield Buffer.concat([Buffer.from('<si><t>'), text, Buffer.from('</t></si>')]);
    yield Buffer.from('</sst>');
  }
  return writeZip(path, workbookParts(sheetName, sheet(), [{ name: 'xl/sharedStrings.xml', content: strings() }]));
}
