import { Signer } from '@signpdf/signpdf';
import { createHash, createPrivateKey, sign as rsaSign } from 'node:crypto';
import forge from 'node-forge';

/**
 * A PAdES baseline (B-B) signer for @signpdf/signpdf: the CMS SignedData of ETSI EN 319 142-1 with
 * the signed attributes content-type, message-digest and ESS signing-certificate-v2 (which binds
 * the signature to the signer's certificate by its SHA-256), and no signing-time attribute (PAdES
 * puts the time in the signature dictionary's /M instead). @signpdf/signer-p12 cannot write the
 * signing-certificate-v2 attribute (node-forge's PKCS#7 writer knows only three attributes), so
 * the structure is built here with node-forge's ASN.1 and signed with Node's crypto (RSA PKCS#1
 * v1.5, SHA-256). The certificate and key come from a PKCS#12 file, read with node-forge.
 */
const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

export interface SigningIdentity {
  /** The signer's certificate, DER. */
  certificate: Buffer;
  /** Other certificates in the file (a chain), DER, carried so a verifier can build the path. */
  chain: Buffer[];
  privateKeyPem: string;
}

export class CadesP12Signer extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const { certificate, chain, privateKeyPem } = this.identity;
    const certificateAsn1 = asn1.fromDer(binary(certificate));
    const { issuer, serial } = issuerAndSerial(certificateAsn1);
    const attributes = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.messageDigest, octets(createHash('sha256').update(pdfBuffer).digest())),
      // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with SHA-256 (the default, so no algorithm) and IssuerSerial.
      attribute(
        OID.signingCertificateV2,
        seq([seq([seq([octets(createHash('sha256').update(certificate).digest()), seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial])])])]),
      ),
    ];
    // DER sorts a SET OF by its members' encodings; the signature is over that SET, sent as [0] IMPLICIT.
    const sorted = attributes.map(der).sort(Buffer.compare).map((bytes) => asn1.fromDer(binary(bytes)));
    const signedAttributesSet = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, sorted));
    const signature = rsaSign('sha256', signedAttributesSet, createPrivateKey(privateKeyPem));

    const sha256Algorithm = seq([oid(OID.sha256)]);
    const signerInfo = seq([
      integer(1),
      seq([issuer, serial]),
      sha256Algorithm,
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, sorted.map((a) => asn1.fromDer(binary(der(a))))),
      seq([oid(OID.rsaEncryption), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]),
      octets(signature),
    ]);
    const signedData = seq([
      integer(1),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [seq([oid(OID.sha256)])]),
      seq([oid(OID.data)]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [certificate, ...chain].map((c) => asn1.fromDer(binary(c)))),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [signerInfo]),
    ]);
    return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
  }
}

/** The certificate's issuer Name and serial number, as they are encoded in it (tbsCertificate). */
function issuerAndSerial(certificate: forge.asn1.Asn1): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const tbs = (certificate.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  // An explicit [0] version comes first in a v3 certificate.
  const at = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: copy(tbs[at]!), issuer: copy(tbs[at + 2]!) };
}

const binary = (bytes: Buffer): forge.util.ByteStringBuffer => forge.util.createBuffer(bytes.toString('binary'));
const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const copy = (node: forge.asn1.Asn1): forge.asn1.Asn1 => asn1.fromDer(binary(der(node)));
const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const integer = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [value])]);
