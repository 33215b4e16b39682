import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * The warning shown before an idle reset: long enough to react (WCAG 2.2.1 asks for 20 s) when the idle
 * time allows, else a third of it.
 */
export function idleWarningMs(idleMs: number): number {
  return Math.min(20_000, Math.floor(idleMs / 3));
}

/**
 * Calls `onIdle` after `idleMs` without a touch, key or scroll while `enabled`; during the last
 * `idleWarningMs` it returns the seconds left, so the page can warn. Any activity starts over.
 */
export function useIdle(enabled: boolean, idleMs: number, onIdle: () => void): { secondsLeft: number | null; stillHere: () => void } {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const fire = useEffectEvent(onIdle);

  const stillHere = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const warnMs = idleWarningMs(idleMs);
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
    const tick = setInterval(() => {
      const left = idleMs - (Date.now() - lastActivity.current);
      if (left <= 0) {
        clearInterval(tick);
        setSecondsLeft(null);
        fire();
      } else {
        setSecondsLeft(left <= warnMs ? Math.ceil(left / 1000) : null);
      }
    }, 250);
    return () => {
      clearInterval(tick);
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, { capture: true });
      setSecondsLeft(null);
    };
  }, [enabled, idleMs]);

  return { secondsLeft, stillHere };
}
