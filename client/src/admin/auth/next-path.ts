export const SIGN_IN_PATH = '/sign-in';

/**
 * Where to go after signing in, from the `next` of /admin/sign-in?next=…: only a path inside the admin
 * (relative to /admin), never another site ("//evil.example", "https://…") nor the sign-in page itself.
 */
export function nextPathAfterSignIn(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`) ? '/' : next;
}

/** The sign-in page's address that comes back to `location` (with its query) afterwards. */
export function signInPathFor(location: string, search: string): string {
  const here = search ? `${location}?${search}` : location;
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`;
}
