import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /** The text of each page, items joined by spaces and lines by newlines, in reading order. */
  pages: string[];
  /** The document information dictionary (Title, Author, ...). */
  info: Record<string, unknown>;
}

/**
 * Extracts the text of a PDF with Mozilla's PDF.js, the way a reader's viewer would see it. Tests
 * use it to check what a generated document says, without depending on poppler being installed.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        text += item.hasEOL ? '\n' : ' ';
      }
      pages.push(text);
    }
    const metadata = await document.getMetadata();
    return { pages, info: (metadata.info ?? {}) as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}
