import { useDestructionStore } from '../stores/destruction-store';

/** Checks a certificate PDF or JSON against the register and says plainly whether it is genuine and unchanged. */
export function VerifyCertificate() {
  const { verification, verifyFile } = useDestructionStore();
  return (
    <div className="destruction-verify">
      <button type="button" onClick={() => void verifyFile()}>
        Verify a certificate file…
      </button>
      {verification ? (
        verification.genuine ? (
          <div role="status" className="destruction-verdict is-ok">
            <p>
              <strong>{verification.fileName}</strong>: certificate {verification.certificateNumber} is genuine and unchanged; its content matches the register.
            </p>
            {verification.notes.length ? (
              <ul>
                {verification.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : (
          <div role="alert" className="destruction-verdict is-danger">
            <p>
              <strong>{verification.fileName}</strong> is not genuine and unchanged{verification.certificateNumber ? ` (certificate ${verification.certificateNumber})` : ''}. What differs:
            </p>
            <ul>
              {verification.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </div>
  );
}
