import { Me } from '@sipas/server/api/auth';
import { useSyncExternalStore } from 'react';
import { ApiRequestError, apiGet } from '../../lib/api.ts';

// Who is signed in, shared by every admin page: read once from /api/auth/me, replaced on sign-in, cleared on
// sign-out or when any admin request answers 401 (the session ended), which sends the user to the sign-in page.

export type SessionState = { status: 'unknown' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

let state: SessionState = { status: 'unknown' };
let loading: Promise<SessionState> | undefined;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function setSignedIn(me: Me): void {
  setState({ status: 'signed-in', me });
}

export function setSignedOut(): void {
  loading = undefined;
  setState({ status: 'signed-out' });
}

/** Asks the server who is signed in (once; again after a sign-out). Network failures propagate. */
export function loadSession(): Promise<SessionState> {
  loading ??= apiGet('/api/auth/me', Me).then(
    (me) => {
      setSignedIn(me);
      return state;
    },
    (error: unknown) => {
      loading = undefined;
      if (error instanceof ApiRequestError && error.status === 401) {
        setSignedOut();
        return state;
      }
      throw error;
    },
  );
  return loading;
}

/** The CSRF token of the current session, loading the session first when needed. */
export async function currentCsrfToken(): Promise<string | undefined> {
  const current = state.status === 'unknown' ? await loadSession() : state;
  return current.status === 'signed-in' ? current.me.csrfToken : undefined;
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
