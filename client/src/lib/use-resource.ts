import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T };

/**
 * Loads data for `key` (refetches when the key changes; aborts the stale request).
 * Deliberately tiny: no cache, no library.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> & { reload: () => void } {
  const [state, setState] = useState<{ key: string; attempt: number; resource: Resource<T> }>({
    key,
    attempt: 0,
    resource: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  const runLoad = useEffectEvent(load);

  useEffect(() => {
    const controller = new AbortController();
    runLoad(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, attempt, resource: { status: 'success', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, attempt, resource: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Until the effect runs for a new key, report loading rather than the previous key's data.
  const resource: Resource<T> = state.key === key && state.attempt === attempt ? state.resource : { status: 'loading' };
  return { ...resource, reload };
}
