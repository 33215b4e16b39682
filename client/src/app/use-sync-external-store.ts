// wouter imports `use-sync-external-store/shim` to support React 17; with React 19 that shim's fallback is dead
// code in the public bundle, so vite.config.ts points it here, at React's own hook.
export { useSyncExternalStore } from 'react';
