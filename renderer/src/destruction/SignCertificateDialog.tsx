import { useState, type FormEvent } from 'react';
import type { CertificateSummary } from '../../../shared/destruction/destruction-api';
import { digitalSignatories, digitalSignatoryTitles, type DigitalSignatory } from '../../../shared/destruction/digital-signatories';
import { call } from '../api/client';
import { Modal } from '../components/Modal';

interface Chosen {
  token: string;
  fileName: string;
}

/**
 * Signs a certificate PDF digitally for one of its two DPOs: the PDF and the signer's PKCS#12 file
 * are chosen in main's open dialogs (the page never sees a path), the passphrase is typed here and
 * sent once with the request. The PDF is signed in place, as an incremental update, so the other
 * DPO signs the same file afterwards.
 */
export function SignCertificateDialog({ certificate, onClose, onSigned }: { certificate: CertificateSummary; onClose: () => void; onSigned: (message: string) => void }) {
  const [signatory, setSignatory] = useState<DigitalSignatory>('recipient-dpo');
  const [pdf, setPdf] = useState<Chosen | null>(null);
  const [p12, setP12] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);

  const choose = async (kind: 'pdf' | 'p12') => {
    const result = await call('certificate.chooseSigningFile', { kind });
    if (!result.ok) return setError(result.error.message);
    if (result.value.file) (kind === 'pdf' ? setPdf : setP12)(result.value.file);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pdf) return setError(`Choose the PDF of ${certificate.number} to sign. Nothing has been signed.`);
    if (!p12) return setError('Choose your signing certificate (a .p12 or .pfx file). Nothing has been signed.');
    setSigning(true);
    const result = await call('certificate.sign', { certificateId: certificate.id, signatory, pdfToken: pdf.token, p12Token: p12.token, passphrase });
    setSigning(false);
    setPassphrase('');
    if (!result.ok) return setError(`${result.error.message.replace(/\.?$/, '.')} Nothing has been signed.`);
    onSigned(`${result.value.fileName} signed by ${result.value.signerName} as ${digitalSignatoryTitles[signatory]}.`);
    onClose();
  };
  return (
    <Modal title={`Sign ${certificate.number}`} onClose={onClose}>
      <form className="record-form" onSubmit={onSubmit} noValidate>
        <p className="muted">
          A digital signature with your X.509 certificate. Each DPO signs in turn; the first signature stays valid after the second. Check it afterwards with Verify a
          certificate file.
        </p>
        {error ? (
          <p role="alert" className="error-banner">
            {error}
          </p>
        ) : null}
        <div className="form-stack">
          <div className="field">
            <label htmlFor="sign-signatory">Signing as</label>
            <select id="sign-signatory" value={signatory} onChange={(e) => setSignatory(e.target.value as DigitalSignatory)}>
              {digitalSignatories.map((s) => (
                <option key={s} value={s}>
                  {digitalSignatoryTitles[s].replace(/^the /, 'The ')}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <span className="label">Certificate PDF (signed in place)</span>
            <button type="button" onClick={() => void choose('pdf')}>
              {pdf ? `${pdf.fileName} (change…)` : 'Choose the PDF…'}
            </button>
          </div>
          <div className="field">
            <span className="label">Signing certificate (PKCS#12)</span>
            <button type="button" onClick={() => void choose('p12')}>
              {p12 ? `${p12.fileName} (change…)` : 'Choose the .p12 or .pfx file…'}
            </button>
          </div>
          <div className="field">
            <label htmlFor="sign-passphrase">Passphrase of the PKCS#12 file</label>
            <input id="sign-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </div>
        </div>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={signing}>
            {signing ? 'Signing…' : 'Sign'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
