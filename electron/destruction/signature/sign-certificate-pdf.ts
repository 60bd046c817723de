import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { digitalSignatoryTitles, type DigitalSignatory } from '../../../shared/destruction/digital-signatories';
import { CadesP12Signer, type SigningIdentity } from './cades-p12-signer';
import { addSignaturePlaceholder, PlaceholderError } from './signature-placeholder';

/**
 * Signs a certificate PDF for one signatory with the X.509 certificate and key in a PKCS#12 file:
 * a signature field is appended as an incremental update (signature-placeholder.ts) and
 * @signpdf/signpdf fills it with a PAdES baseline (B-B) signature (cades-p12-signer.ts) over every
 * byte but the signature itself.
 * A second signatory signs the signed file the same way, and the first signature stays valid.
 */
export interface SignedPdf {
  bytes: Buffer;
  /** The signing certificate's subject common name. */
  signerName: string;
  signingTime: Date;
  /** From the PDF's Keywords; null when the PDF names none. */
  certificateNumber: string | null;
}

export class SigningError extends Error {}

export async function signCertificatePdf(pdf: Buffer, p12: Buffer, passphrase: string, signatory: DigitalSignatory, signingTime: Date): Promise<SignedPdf> {
  const certificateNumber = await certificateNumberOf(pdf);
  const { identity, signerName } = readIdentity(p12, passphrase);
  let withPlaceholder: Buffer;
  try {
    withPlaceholder = await addSignaturePlaceholder(pdf, {
      fieldName: signatory,
      reason: `Signed as ${digitalSignatoryTitles[signatory]}${certificateNumber ? ` on certificate of destruction ${certificateNumber}` : ''}`,
      signerName,
      signingTime,
    });
  } catch (error) {
    if (error instanceof PlaceholderError) throw new SigningError(`cannot sign: ${error.message}`);
    throw error;
  }
  const bytes = await new SignPdf().sign(withPlaceholder, new CadesP12Signer(identity));
  return { bytes, signerName, signingTime, certificateNumber };
}

async function certificateNumberOf(pdf: Buffer): Promise<string | null> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new SigningError('the file to sign is not a PDF');
  let keywords: string | undefined;
  try {
    keywords = (await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false })).getKeywords();
  } catch {
    throw new SigningError('the PDF cannot be read');
  }
  if (!/custodian-certificate/.test(keywords ?? '')) throw new SigningError('the PDF is not a Custodian certificate of destruction');
  return /custodian-certificate (\S+)/.exec(keywords ?? '')?.[1] ?? null;
}

/** Opens the PKCS#12 file first, so a wrong passphrase is said as that and not as a signing failure. */
function readIdentity(p12: Buffer, passphrase: string): { identity: SigningIdentity; signerName: string } {
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/MAC could not be verified|Invalid password/i.test(message)) throw new SigningError('the passphrase does not open the PKCS#12 file');
    throw new SigningError('the PKCS#12 file cannot be read (is it a .p12 or .pfx file?)');
  }
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certBag = forge.pki.oids.certBag as string;
  const keys: forge.pkcs12.Bag[] = store.getBags({ bagType: keyBag })[keyBag] ?? [];
  const certs: forge.pkcs12.Bag[] = store.getBags({ bagType: certBag })[certBag] ?? [];
  const key = keys[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SigningError('the PKCS#12 file holds no private key');
  const own = certs.find((bag) => {
    const publicKey = bag.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return publicKey?.n?.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0;
  })?.cert;
  if (!own) throw new SigningError('the PKCS#12 file holds no certificate for its private key');
  const commonName = own.subject.getField('CN')?.value as string | undefined;
  const derOf = (cert: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    identity: {
      certificate: derOf(own),
      chain: certs.map((bag) => bag.cert).filter((cert): cert is forge.pki.Certificate => Boolean(cert) && cert !== own).map(derOf),
      privateKeyPem: forge.pki.privateKeyToPem(key),
    },
    signerName: commonName ?? own.subject.attributes.map((a: forge.pki.CertificateField) => `${a.shortName ?? a.type}=${String(a.value)}`).join(', '),
  };
}
