import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * Checks every digital signature in a PDF, independently of the library that signs them: each
 * signature dictionary's /ByteRange gives the bytes it covers and the hole between them holds the
 * CMS SignedData (RFC 5652). For each: the SHA digest of the covered bytes against the signed
 * messageDigest attribute, and the signature over the signed attributes against the public key of
 * the signer's certificate carried in the CMS, and (PAdES) that the signed signing-certificate-v2
 * attribute names that certificate. Then whether the last signature covers the whole
 * file: bytes after it were added after signing.
 */
export interface PdfSignatureCheck {
  /** 1 for the first signature in the file, 2 for the next… */
  index: number;
  /** The signature field's name (which signatory), when the PDF gives one. */
  field: string | null;
  /** The signing certificate's subject common name. */
  signer: string | null;
  /** ISO time from the signed signingTime attribute, else the dictionary's /M. */
  signingTime: string | null;
  /** Covered bytes end at the end of the file. */
  coversWholeFile: boolean;
  /** Where the covered bytes end (the length of the file as signed). */
  signedLength: number;
  valid: boolean;
  /** Why it is not valid, in words. */
  problem: string | null;
}

export interface PdfSignatures {
  signatures: PdfSignatureCheck[];
  /** Bytes after the end of the last signature's coverage: changed after it was signed. */
  bytesAfterLastSignature: number;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;
const digestNames: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export function verifyPdfSignatures(file: Buffer): PdfSignatures {
  const text = file.toString('latin1');
  const signatures: PdfSignatureCheck[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    signatures.push(checkOne(file, text, match.index, range, signatures.length + 1));
  }
  const end = signatures.reduce((max, s) => Math.max(max, s.signedLength), 0);
  return { signatures, bytesAfterLastSignature: signatures.length === 0 ? 0 : file.length - end };
}

function checkOne(file: Buffer, text: string, at: number, [start1, length1, start2, length2]: [number, number, number, number], index: number): PdfSignatureCheck {
  const dictionary = signatureDictionaryText(text, at);
  const field = fieldNameFor(text, dictionary.objectNumber);
  const result: PdfSignatureCheck = { index, field, signer: null, signingTime: pdfDate(dictionary.text), coversWholeFile: false, signedLength: start2 + length2, valid: false, problem: null };
  const fail = (problem: string) => ({ ...result, problem });
  if (start1 !== 0 || start1 + length1 > start2 || start2 + length2 > file.length) return fail('its byte range does not fit the file: the file was cut or rewritten after signing');
  result.coversWholeFile = start2 + length2 === file.length;
  const hole = text.slice(start1 + length1, start2);
  if (!/^<[0-9A-Fa-f]*>$/.test(hole)) return fail('its byte range does not surround its signature: the file was rewritten after signing');

  let signed: ReturnType<typeof readSignedData>;
  try {
    signed = readSignedData(Buffer.from(hole.slice(1, -1), 'hex'));
  } catch (error) {
    return fail(`its signature value is not a CMS signature (${(error as Error).message})`);
  }
  result.signer = signed.certificate ? commonName(signed.certificate) : null;
  if (signed.signingTime) result.signingTime = signed.signingTime;
  if (!signed.certificate) return fail('it carries no certificate of the signer, so it cannot be checked');

  const digest = createHash(signed.digestName).update(file.subarray(start1, start1 + length1)).update(file.subarray(start2, start2 + length2)).digest();
  if (!signed.messageDigest || !digest.equals(signed.messageDigest))
    return fail('the bytes it covers were changed after signing (their digest no longer matches the one signed)');
  let ok: boolean;
  try {
    ok = verifySignature(signed.digestName, signed.signedAttributes, signed.certificate.publicKey, signed.signature);
  } catch {
    ok = false;
  }
  if (!ok) return fail('its signature does not verify with the signer’s public key: the signed attributes or the signature were altered');
  // PAdES binds the signature to its certificate by hash (ESS signing-certificate-v2): a swapped certificate shows here.
  if (signed.signingCertificateHash && !createHash(signed.signingCertificateHashName).update(signed.certificate.raw).digest().equals(signed.signingCertificateHash))
    return fail('its signing-certificate attribute names another certificate than the one it carries');
  return { ...result, valid: true };
}

/** The object holding the signature dictionary: its number (to find the field) and its text. */
function signatureDictionaryText(text: string, at: number): { objectNumber: number | null; text: string } {
  const before = text.lastIndexOf(' obj', at);
  const header = /(\d+)\s+\d+\s*$/.exec(text.slice(Math.max(0, before - 24), before));
  const end = text.indexOf('endobj', at);
  return { objectNumber: header ? Number(header[1]) : null, text: text.slice(before, end === -1 ? at + 20000 : end) };
}

/** The /T of the field whose /V points at the signature dictionary. */
function fieldNameFor(text: string, objectNumber: number | null): string | null {
  if (objectNumber === null) return null;
  const widget = new RegExp(`/V\\s+${objectNumber}\\s+0\\s+R`).exec(text);
  if (!widget) return null;
  const start = text.lastIndexOf('<<', widget.index);
  const end = text.indexOf('>>', widget.index);
  const dict = text.slice(start, end);
  const name = /\/T\s*(<[0-9A-Fa-f]*>|\(([^)]*)\))/.exec(dict);
  if (!name) return null;
  return name[1]!.startsWith('<') ? decodeHexText(name[1]!.slice(1, -1)) : (name[2] ?? null);
}

function decodeHexText(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return bytes.toString('latin1');
}

/** The dictionary's /M, D:YYYYMMDDHHmmSS (UTC or an offset), as ISO. */
function pdfDate(dictionary: string): string | null {
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(dictionary);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function commonName(certificate: X509Certificate): string {
  const cn = certificate.subject.split('\n').find((line) => line.startsWith('CN='));
  return cn ? cn.slice(3) : certificate.subject.replace(/\n/g, ', ');
}

interface SignedData {
  digestName: string;
  messageDigest: Buffer | null;
  signingTime: string | null;
  /** DER of the signed attributes as a SET: what the signature is over. */
  signedAttributes: Buffer;
  signature: Buffer;
  certificate: X509Certificate | null;
  /** ESS signing-certificate-v2: the hash of the signer's certificate, when the attribute is there. */
  signingCertificateHash: Buffer | null;
  signingCertificateHashName: string;
}

const bytesOf = (node: forge.asn1.Asn1): Buffer => Buffer.from(node.value as string, 'binary');
const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
const children = (node: forge.asn1.Asn1 | undefined, what: string): forge.asn1.Asn1[] => {
  if (!node || !Array.isArray(node.value)) throw new Error(`${what} is missing`);
  return node.value;
};

/** The signature is padded with zeros to fill /Contents: the DER value ends where its outer length says. */
function withoutPadding(bytes: Buffer): Buffer {
  if (bytes.length < 2) throw new Error('empty');
  const first = bytes[1]!;
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  if (2 + count + length > bytes.length) throw new Error('truncated');
  return bytes.subarray(0, 2 + count + length);
}

/** ContentInfo → SignedData → the first SignerInfo, with its signer's certificate (RFC 5652 §5). */
function readSignedData(bytes: Buffer): SignedData {
  const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(withoutPadding(bytes).toString('binary')));
  const [type, wrapped] = children(contentInfo, 'ContentInfo');
  if (!type || forge.asn1.derToOid(type.value as string) !== OID.signedData) throw new Error('not SignedData');
  const signedData = children(wrapped, 'SignedData')[0]!;
  const parts = children(signedData, 'SignedData');
  const certificatesNode = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signerInfos = parts[parts.length - 1];
  const signerInfo = children(signerInfos, 'SignerInfos')[0];
  const info = children(signerInfo, 'SignerInfo');
  const sid = info[1]!;
  const digestName = digestNames[forge.asn1.derToOid(children(info[2], 'digestAlgorithm')[0]!.value as string)];
  if (!digestName) throw new Error('unknown digest algorithm');
  const attributesNode = info.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  if (!attributesNode) throw new Error('no signed attributes');
  const signatureNode = info.find((p, i) => i > 3 && p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING);
  if (!signatureNode) throw new Error('no signature value');

  let messageDigest: Buffer | null = null;
  let signingTime: string | null = null;
  let signingCertificateHash: Buffer | null = null;
  let signingCertificateHashName = 'sha256';
  for (const attribute of children(attributesNode, 'signed attributes')) {
    const [oid, values] = children(attribute, 'attribute');
    const value = children(values, 'attribute values')[0]!;
    const id = forge.asn1.derToOid(oid!.value as string);
    if (id === OID.messageDigest) messageDigest = bytesOf(value);
    if (id === OID.signingCertificateV2) {
      // SigningCertificateV2 → certs → the first ESSCertIDv2: [hashAlgorithm (default SHA-256)], certHash.
      const first = children(children(value, 'signing certificate')[0], 'signing certificates')[0];
      const parts = children(first, 'ESSCertIDv2');
      const hasAlgorithm = parts[0]!.type === forge.asn1.Type.SEQUENCE;
      if (hasAlgorithm) signingCertificateHashName = digestNames[forge.asn1.derToOid(children(parts[0], 'hashAlgorithm')[0]!.value as string)] ?? 'sha256';
      signingCertificateHash = bytesOf(parts[hasAlgorithm ? 1 : 0]!);
    }
    if (id === OID.signingTime)
      signingTime = (value.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(value.value as string) : forge.asn1.generalizedTimeToDate(value.value as string)).toISOString();
  }
  // The signature is over the attributes encoded as a SET OF (tag 0x31), not as the [0] they are stored under.
  const signedAttributes = der(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributesNode.value as forge.asn1.Asn1[]));

  const serial = sid.tagClass === forge.asn1.Class.UNIVERSAL ? bytesOf(children(sid, 'issuerAndSerialNumber')[1]!).toString('hex').replace(/^0+/, '').toUpperCase() : null;
  const certificates = certificatesNode ? children(certificatesNode, 'certificates').map((c) => new X509Certificate(der(c))) : [];
  const certificate = certificates.find((c) => c.serialNumber.replace(/^0+/, '').toUpperCase() === serial) ?? (certificates.length === 1 ? certificates[0]! : null);
  return { digestName, messageDigest, signingTime, signedAttributes, signature: bytesOf(signatureNode), certificate, signingCertificateHash, signingCertificateHashName };
}
