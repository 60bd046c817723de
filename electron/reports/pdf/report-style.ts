/**
 * The look shared by every Custodian PDF (holdings audit report, destruction certificates, incident
 * reports), so that documents an auditor receives from one organisation look like one family.
 * Built-in fonts only: they need no font files in the package (see win-ansi.ts for their limits).
 */
export const reportFonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  mono: 'Courier',
} as const;

export const reportSizes = {
  title: 18,
  subtitle: 11,
  heading1: 14,
  heading2: 11.5,
  heading3: 10,
  body: 9.5,
  table: 8.5,
  footer: 7.5,
} as const;

/** Dark enough on white to pass WCAG AA when printed or read on screen. */
export const reportColours = {
  text: '#1a1a1a',
  muted: '#4d5358',
  rule: '#b9c0c6',
  headerFill: '#e3e8ec',
  stripeFill: '#f5f7f8',
  accent: '#005eb8', // NHS blue, used for the title rule only
} as const;

/** A4 in points, with room at the bottom for the two footer lines. */
export const reportPage = {
  size: 'A4' as const,
  margins: { top: 50, bottom: 62, left: 48, right: 48 },
  footerGap: 14,
};

/** Extra leading added to a line of text, in points. */
export const lineGap = 1.5;
