import { useEffect, useState, type ReactNode } from 'react';
// Only wouter exports the public questionnaire already uses: any other one grows the shared entry chunk.
import { useLocation, useSearchParams } from 'wouter';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useTranslate } from '../../lib/locale-context.tsx';
import { adminFetch } from '../admin-fetch.ts';
import { authStrings } from './auth.strings.ts';
import { nextPathAfterSignIn, SIGN_IN_PATH, signInPathFor } from './next-path.ts';
import { loadSession, setSignedOut, useSession } from './session-store.ts';
import { SignInPage } from './sign-in-page.tsx';
import './auth.css';

/**
 * Shows the admin pages only to a signed-in user: anyone else is sent to /admin/sign-in?next=<the page>,
 * and comes back there after signing in. Also puts the account bar (who, sign out) above the pages.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const [location] = useLocation();
  const [searchParams] = useSearchParams();
  const search = searchParams.toString();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (session.status === 'unknown' && error === null) loadSession().catch(setError);
  }, [session.status, error]);

  if (location === SIGN_IN_PATH) {
    return session.status === 'signed-in' ? <GoTo to={nextPathAfterSignIn(search)} /> : <SignInPage next={nextPathAfterSignIn(search)} />;
  }
  if (session.status === 'unknown') return error === null ? <Loading /> : <LoadError error={error} onRetry={() => setError(null)} />;
  if (session.status === 'signed-out') return <GoTo to={signInPathFor(location, search)} />;
  return (
    <>
      <AccountBar name={session.me.user.displayName} />
      {children}
    </>
  );
}

/** Replaces the current history entry with `to` (wouter's Redirect, without adding it to the entry chunk). */
function GoTo({ to }: { to: string }) {
  const [, navigate] = useLocation();
  useEffect(() => navigate(to, { replace: true }), [to, navigate]);
  return null;
}

function AccountBar({ name }: { name: string }) {
  const t = useTranslate(authStrings);
  const [, navigate] = useLocation();
  const signOut = async () => {
    // Whatever the answer (even offline), this browser forgets the session; the server drops it when it can.
    await adminFetch('/api/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    navigate(SIGN_IN_PATH, { replace: true });
    setSignedOut();
  };
  return (
    <div className="admin-account" role="navigation" aria-label={t('accountNav')}>
      <span>{t('signedInAs', { name })}</span>
      <button type="button" className="button button--secondary button--small" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
    </div>
  );
}
