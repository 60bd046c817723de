import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RegisterIdentity } from '../../../shared/app/app-info';
import { registerLocationRequestSchema, type RegisterLocationState } from '../../../shared/app/register-location';
import { call } from '../api/client';

const isPostgres = (value: string) => /^postgres(ql)?:\/\//i.test(value.trim());

/**
 * Settings › Register location: a file on this computer or a team register in PostgreSQL. The
 * register the app has open does not change under it: the choice is kept (the password in the OS
 * keychain) and opened at the next start.
 */
export function RegisterLocationSection() {
  const ids = { location: useId(), password: useId() };
  const [current, setCurrent] = useState<RegisterIdentity | null>(null);
  const [state, setState] = useState<RegisterLocationState | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void call('app.info', {}).then((r) => r.ok && setCurrent(r.value.register));
    void call('settings.registerLocation', {}).then((r) => {
      if (r.ok) {
        setState(r.value);
        setLocation(r.value.saved?.location ?? '');
      } else setUnavailable(r.error.message);
    });
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const request = { location, password: isPostgres(location) && password !== '' ? password : null };
    const parsed = registerLocationRequestSchema.safeParse(request);
    if (!parsed.success) {
      setError(parsed.error.issues[0]!.message);
      return;
    }
    const result = await call('settings.saveRegisterLocation', parsed.data);
    if (!result.ok) {
      setError(result.error.message.replace(/^location: /, ''));
      return;
    }
    setError(null);
    setPassword('');
    setState(result.value);
    setSaved(true);
  };

  return (
    <section className="form register-location" aria-labelledby={`${ids.location}-heading`}>
      <h2 id={`${ids.location}-heading`}>Register location</h2>
      {current ? (
        <p className="hint">
          Open now: {current.store === 'postgres' ? 'the team register ' : 'the file '}
          <code>{current.location}</code>
          {current.login ? ` as ${current.login}` : ''}.
        </p>
      ) : null}
      {unavailable ? <p className="hint">{unavailable}</p> : null}
      {state ? (
        <form onSubmit={onSubmit} noValidate>
          {state?.fromEnvironment ? <p className="hint">CUSTODIAN_DB is set, so it is opened instead of what is saved here.</p> : null}
          <div className="field">
            <label htmlFor={ids.location}>SQLite file or PostgreSQL URL</label>
            <p className="hint" id={`${ids.location}-hint`}>
              A full path, such as /home/ig/custodian.sqlite, or postgres://you@db.example.nhs.uk/custodian?sslmode=verify-full (without the password).
            </p>
            <input
              id={ids.location}
              value={location}
              maxLength={2000}
              spellCheck={false}
              aria-describedby={`${ids.location}-hint${error ? ` ${ids.location}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setLocation(e.target.value)}
            />
            {error ? (
              <p className="field-error" id={`${ids.location}-error`}>
                {error}
              </p>
            ) : null}
          </div>
          {isPostgres(location) ? (
            <div className="field">
              <label htmlFor={ids.password}>Password</label>
              <p className="hint" id={`${ids.password}-hint`}>
                {state?.keychain
                  ? `Kept in this computer’s keychain, never in the URL or a log.${state.saved?.hasPassword ? ' One is kept now; leave empty to use the PGPASSFILE instead.' : ' Leave empty to use the PGPASSFILE.'}`
                  : 'This computer’s keychain is not available: leave empty and keep the password in a PGPASSFILE.'}
              </p>
              <input id={ids.password} type="password" autoComplete="off" value={password} aria-describedby={`${ids.password}-hint`} onChange={(e) => setPassword(e.target.value)} />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit">Save register location</button>
            <p role="status" className="status-line">
              {saved ? 'Saved. Restart Custodian to open it.' : ''}
            </p>
          </div>
        </form>
      ) : null}
    </section>
  );
}
