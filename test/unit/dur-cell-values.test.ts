import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optOuts, organisationNames, parseDurDate, parseDurMonth, soleOrJoint, yesNo } from '../../electron/imports/dur/dur-cell-values';
import { columnLetter, DurImportError } from '../../electron/imports/dur/dur-import-error';
import { parseReference } from '../../electron/imports/dur/parse-dur';
import { sheetOfCsvFile } from '../../electron/imports/dur/read-dur-csv';

const place = { file: 'DUR.xlsx', sheet: 'Agreements', row: 3, column: 'X', columnLetter: 'C' };

describe('reading Data Uses Register cells', () => {
  it('reads dates however Excel and people write them, day first', () => {
    expect(parseDurDate(new Date('2024-04-01T00:00:00Z'))).toBe('2024-04-01');
    expect(parseDurDate('2024-04-01')).toBe('2024-04-01');
    expect(parseDurDate('2024-04-01T00:00:00.000Z')).toBe('2024-04-01');
    expect(parseDurDate('01/04/2024')).toBe('2024-04-01');
    expect(parseDurDate('1/4/2024')).toBe('2024-04-01');
    expect(parseDurDate('01-04-2024')).toBe('2024-04-01');
    expect(parseDurDate('1 April 2024')).toBe('2024-04-01');
    expect(parseDurDate('01-Apr-2024')).toBe('2024-04-01');
    expect(parseDurDate(45383)).toBe('2024-04-01'); // Excel's day number
  });

  it('refuses dates that do not exist or cannot be read', () => {
    for (const bad of ['31/02/2026', '2026-13-01', 'next year', '13/13/2024', '1 Smarch 2024', 12, '']) expect(parseDurDate(bad)).toBeNull();
  });

  it('reads every real date written DD/MM/YYYY back to the same date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-');
        expect(parseDurDate(`${d}/${m}/${y}`)).toBe(iso);
        expect(parseDurDate(new Date(`${iso}T00:00:00Z`))).toBe(iso);
      }),
    );
  });

  it('reads the month a file was released as the first of that month', () => {
    expect(parseDurMonth(new Date('2024-04-17T00:00:00Z'))).toBe('2024-04-01');
    expect(parseDurMonth('Apr-24')).toBe('2024-04-01');
    expect(parseDurMonth('April 2024')).toBe('2024-04-01');
    expect(parseDurMonth('Sept 2024')).toBe('2024-09-01');
    expect(parseDurMonth('04/2024')).toBe('2024-04-01');
    expect(parseDurMonth('2024-04')).toBe('2024-04-01');
    expect(parseDurMonth('15/04/2024')).toBe('2024-04-01');
    expect(parseDurMonth('2024-13')).toBeNull();
    expect(parseDurMonth('Ap 2024')).toBeNull();
  });

  it('reads flags, controller types and opt-outs, naming the place when it cannot', () => {
    expect(yesNo('Yes', place)).toBe(true);
    expect(yesNo('n', place)).toBe(false);
    expect(yesNo(null, place)).toBeNull();
    expect(() => yesNo('Maybe', place)).toThrow(new DurImportError(place, '"Maybe" is not Yes or No'));
    expect(soleOrJoint('Joint Data Controllers', place)).toBe('joint');
    expect(optOuts('No - data flow is not identifiable', place)).toBe('No');
    expect(optOuts('Mixed', place)).toBe('Mixed');
    expect(() => optOuts('Unknown', place)).toThrow('DUR.xlsx, sheet Agreements, row 3, column "X" (C): "Unknown" is not Yes, No or Mixed');
  });

  it('splits controllers on lines and semicolons but never on commas inside a legal name', () => {
    expect(organisationNames('University of Oxford\nOxford University Hospitals NHS Foundation Trust; Smith, Jones and Partners LLP')).toEqual([
      'University of Oxford',
      'Oxford University Hospitals NHS Foundation Trust',
      'Smith, Jones and Partners LLP',
    ]);
    expect(organisationNames('IQVIA Ltd;  iqvia ltd ')).toEqual(['IQVIA Ltd']);
  });

  it('splits a reference into the NIC reference and the version', () => {
    expect(parseReference('dars-nic-00574-v2h1f-v4.2', place)).toEqual({ reference: 'DARS-NIC-00574-V2H1F-v4.2', nicReference: 'DARS-NIC-00574-V2H1F', version: '4.2' });
    expect(() => parseReference('NIC-574', place)).toThrow('"NIC-574" is not a DSA reference such as DARS-NIC-00574-V2H1F-v4.2');
  });

  it('tells the sheet of a CSV file from its name', () => {
    expect(sheetOfCsvFile('/x/Agreements.csv')).toBe('Agreements');
    expect(sheetOfCsvFile('DUR_2025_06_Data Releases.CSV')).toBe('DataReleases');
    expect(sheetOfCsvFile('dur-datasets.csv')).toBe('Datasets');
    expect(sheetOfCsvFile('register.csv')).toBeNull();
  });

  it('names columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
