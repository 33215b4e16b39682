import { Me } from '@sipas/server/api/auth';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
// lib/api's apiPost is not used here: each lib export the admin chunk imports grows the questionnaire's entry chunk.
import { ApiRequestError, NetworkError } from '../../lib/api.ts';
import { adminJson } from '../admin-fetch.ts';
import { useTranslate } from '../../lib/locale-context.tsx';
import { authStrings } from './auth.strings.ts';
import { setSignedIn } from './session-store.ts';

/** /admin/sign-in: login name and password; on success, back to the admin page that sent the user here. */
export function SignInPage({ next }: { next: string }) {
  const t = useTranslate(authStrings);
  const [, navigate] = useLocation();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const loginRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    try {
      const me = await adminJson('/api/auth/sign-in', Me, { method: 'POST', body: { login: form.get('login'), password: form.get('password') } });
      setSignedIn(me);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(errorText(failure, t));
      loginRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page--narrow admin sign-in">
      <title>{t('signInTitle')}</title>
      <h1>{t('signInTitle')}</h1>
      <p className="lead">{t('signInIntro')}</p>
      <div id={errorId} role="alert" className={error ? 'notice notice--error' : undefined}>
        {error && <p>{error}</p>}
      </div>
      <form className="sign-in__form" onSubmit={(event) => void submit(event)} aria-describedby={error ? errorId : undefined}>
        <label htmlFor="sign-in-login">{t('login')}</label>
        <input
          ref={loginRef}
          id="sign-in-login"
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={64}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor="sign-in-password">{t('password')}</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </div>
  );
}

function errorText(failure: unknown, t: (key: keyof typeof authStrings.vi, params?: Record<string, string>) => string): string {
  if (failure instanceof NetworkError) return t('networkError');
  if (failure instanceof ApiRequestError && failure.status === 401) return t('wrongCredentials');
  if (failure instanceof ApiRequestError && failure.status === 429) return t('throttled');
  return t('otherError', { detail: failure instanceof ApiRequestError ? `HTTP ${failure.status}` : String(failure) });
}
