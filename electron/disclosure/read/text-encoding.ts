import iconv from 'iconv-lite';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';

/**
 * Text encodings a table arrives in: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"
 * adds one), UTF-16 with a mark (Excel's "Unicode text"), and Windows-1252, what Excel on an English
 * Windows machine writes for plain "CSV". Without a mark, text that is valid UTF-8 is UTF-8;
 * anything else is Windows-1252, which can decode every byte.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: isValidUtf8Prefix(head) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** True if `bytes` is valid UTF-8, allowing a multi-byte character cut off at the very end. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Step back over an incomplete trailing sequence (at most 3 bytes).
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) !== 0x80) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      if (needed > back) end = bytes.length - back;
      break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export interface StreamingDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

/** A decoder for a whole stream; UTF-8 is strict, so a stray byte is reported rather than garbled. */
export function createDecoder(encoding: TextEncoding): StreamingDecoder {
  if (encoding === 'windows-1252') {
    const decoder = iconv.getDecoder('win1252');
    return { decode: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let offset = 0;
  const fail = (): never => {
    throw new DisclosureInputError(
      `the text is not valid UTF-8 near byte ${offset}, although the start of the file is; save the whole file as UTF-8 (or as Windows-1252 throughout)`,
    );
  };
  return {
    decode(chunk) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.byteLength;
        return text;
      } catch {
        return fail();
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        return fail();
      }
    },
  };
}
