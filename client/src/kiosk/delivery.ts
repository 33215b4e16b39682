// Runs the outbox in the browser: a delivery pass at start, when the network returns (`online`), after each
// new response, and periodically (with back-off while failing); and a heartbeat every minute.
import { ApiRequestError, NetworkError } from '../lib/api.ts';
import { sendHeartbeat, sendQueuedResponse } from './kiosk.api.ts';
import { deliverQueued, DELIVERY_INTERVAL_MS, retryDelayMs, type DeliveryReport, type OutboxCounts, type OutboxStore } from './outbox.ts';

export const HEARTBEAT_INTERVAL_MS = 60_000;

export interface DeliveryStatus extends OutboxCounts {
  /** Whether the server answered the last request: false while offline (responses wait on the device). */
  connected: boolean | null;
}

export interface DeliveryOptions {
  store: OutboxStore;
  credential: string;
  deviceId: string;
  appVersion: string;
  onStatus: (status: DeliveryStatus) => void;
  /** The server refused the credential (revoked): the queue is kept for a re-enrolment. */
  onUnauthorized: () => void;
}

export interface Delivery {
  /** Runs a pass now (or right after the running one). */
  kick: () => void;
  stop: () => void;
}

export function startDelivery(options: DeliveryOptions): Delivery {
  const { store, credential, deviceId, appVersion, onStatus, onUnauthorized } = options;
  let stopped = false;
  let running = false;
  let again = false;
  let failures = 0;
  let connected: boolean | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = async () => {
    try {
      const counts = await store.counts();
      if (!stopped) onStatus({ ...counts, connected });
    } catch {
      // The counts are only shown; the next pass tries again.
    }
  };

  const unauthorized = () => {
    stop();
    onUnauthorized();
  };

  const pass = (): Promise<DeliveryReport> =>
    deliverQueued(store, (item) => sendQueuedResponse(credential, item), { deviceId, warn: (m) => console.warn(m) });

  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    let report: DeliveryReport;
    try {
      // One delivering tab at a time (a second kiosk tab would otherwise send the same items too).
      report = navigator.locks ? await navigator.locks.request('sipas-kiosk-delivery', pass) : await pass();
    } catch (error) {
      console.error('kiosk delivery pass failed', error);
      report = { delivered: 0, conflicts: 0, buried: 0, stoppedBy: 'retry' };
    }
    running = false;
    if (stopped) return;
    if (report.stoppedBy === 'unauthorized') return unauthorized();
    const progressed = report.delivered + report.conflicts + report.buried > 0;
    // An empty queue sends nothing and says nothing about the network; the heartbeat does.
    if (progressed || report.stoppedBy) connected = report.stoppedBy !== 'retry';
    failures = report.stoppedBy ? failures + 1 : 0;
    await publish();
    if (progressed) void beat(); // administrators see the queue shrink at once
    if (again) {
      again = false;
      void run();
      return;
    }
    timer = setTimeout(run, report.stoppedBy ? retryDelayMs(failures, report.retryAfterSeconds) : DELIVERY_INTERVAL_MS);
  };

  const beat = async () => {
    if (stopped) return;
    try {
      const { queued, dead } = await store.counts();
      await sendHeartbeat(credential, { queueDepth: queued, deadLetters: dead, appVersion });
      connected = true;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) return unauthorized();
      if (error instanceof NetworkError) connected = false;
    }
    await publish();
  };

  const online = () => {
    failures = 0;
    void run();
    void beat();
  };
  const offline = () => {
    connected = false;
    void publish();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  const heartbeatTimer = setInterval(beat, HEARTBEAT_INTERVAL_MS);

  function stop() {
    stopped = true;
    clearTimeout(timer);
    clearInterval(heartbeatTimer);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  }

  void publish();
  void run();
  void beat();
  return { kick: () => void run(), stop };
}
