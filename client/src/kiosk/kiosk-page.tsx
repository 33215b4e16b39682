import { useCallback, useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import type { KioskConfig } from '@sipas/server/api/devices';
import type { Answers, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { ApiRequestError } from '../lib/api.ts';
import { localize, unitName, type Locale } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { newUuid } from '../lib/uuid.ts';
import { questionnaireStrings } from '../questionnaire/questionnaire.strings.ts';
import { ThankYou as ThankYouCard } from '../questionnaire/thank-you.tsx';
import { startDelivery, type Delivery, type DeliveryStatus } from './delivery.ts';
import { KioskForm } from './kiosk-form.tsx';
import { openKioskDb, type KioskDb } from './kiosk-db.ts';
import { enrolKiosk, fetchKioskConfig, fetchSurveyVersion } from './kiosk.api.ts';
import { kioskStrings } from './kiosk.strings.ts';
import { useIdle } from './use-idle.ts';
// Joins the questionnaire's own chunk (the kiosk reuses its fields and checks) rather than splitting it
// in two: the /s/:unitCode route keeps its bytes and its budget.
import '../questionnaire/questionnaire-page.tsx';
import './kiosk.css';

const KIOSK_PATH = '/kiosk';
/** The thank-you screen stays this long (or the idle time, if shorter), then the next respondent's turn. */
const THANK_YOU_MS = 8_000;
/** The hashed name of this chunk identifies the build in heartbeats. */
const APP_VERSION = (new URL(import.meta.url).pathname.split('/').pop() ?? 'dev').replace(/\.js$/, '').slice(0, 64);

const META_CREDENTIAL = 'credential';
const META_CONFIG = 'config';
const definitionKey = (key: string, version: number) => `definition:${key}:${version}`;

/** One exchange per code, however often the start runs (React's StrictMode runs effects twice in development). */
const exchanges = new Map<string, ReturnType<typeof enrolKiosk>>();
function exchangeOnce(code: string): ReturnType<typeof enrolKiosk> {
  let exchange = exchanges.get(code);
  if (!exchange) {
    exchange = enrolKiosk(code);
    exchanges.set(code, exchange);
    exchange.catch(() => exchanges.delete(code)); // a failed attempt (offline) may be retried
  }
  return exchange;
}

interface Ready {
  credential: string;
  config: KioskConfig;
  definition: SurveyDefinition;
}

type Boot =
  | { status: 'starting' }
  | { status: 'ready'; ready: Ready }
  | { status: 'unenrolled'; refusedCode: boolean; code: string; queued: number }
  | { status: 'failed'; message: string | null };

/**
 * Starts the kiosk from what the device holds, refreshed from the server when it answers: a new enrolment
 * code (from `?enrol=`) is exchanged first; without a credential, or with a revoked one, the device asks
 * to be enrolled. Offline, the stored configuration and survey are used.
 */
async function boot(db: KioskDb, enrolCode: string | null): Promise<Boot> {
  let credential = await db.getMeta<string>(META_CREDENTIAL);
  let config = await db.getMeta<KioskConfig>(META_CONFIG);
  /** A code that did not work, to say so if the device then turns out not to be enrolled. */
  let failedCode: { code: string; refused: boolean } | null = null;
  const unenrolled = async (): Promise<Boot> => ({
    status: 'unenrolled',
    refusedCode: failedCode?.refused ?? false,
    code: failedCode?.code ?? '',
    queued: (await db.counts()).queued,
  });

  if (enrolCode) {
    try {
      const enrolled = await exchangeOnce(enrolCode);
      ({ credential, config } = enrolled);
      await db.setMeta(META_CREDENTIAL, credential);
      await db.setMeta(META_CONFIG, config);
    } catch (error) {
      failedCode = { code: enrolCode, refused: error instanceof ApiRequestError && error.status === 400 };
      // A spent code (the link reopened from a bookmark) changes nothing on an enrolled device.
      if (credential) console.warn('kiosk: enrolment code not accepted; keeping the current enrolment', error);
    }
  }
  if (!credential) return unenrolled();

  try {
    config = await fetchKioskConfig(credential);
    await db.setMeta(META_CONFIG, config);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return unenrolled();
    if (error instanceof ApiRequestError && error.status < 500) return { status: 'failed', message: error.message };
    if (!config) throw error; // offline on the very first start: nothing to run with yet
  }

  return { status: 'ready', ready: { credential, config, definition: await loadDefinition(db, config.survey) } };
}

/** The exact survey version, from the device if it has it (versions are immutable), else from the server. */
async function loadDefinition(db: KioskDb, survey: KioskConfig['survey']): Promise<SurveyDefinition> {
  const key = definitionKey(survey.key, survey.version);
  let definition = await db.getMeta<SurveyDefinition>(key);
  if (!definition) {
    definition = await fetchSurveyVersion(survey.key, survey.version);
    await db.setMeta(key, definition);
  }
  return definition;
}

/**
 * The configuration as the server has it now (a new survey version, another idle time), for the next
 * respondent; undefined when unchanged or unreachable. Throws ApiRequestError 401 when revoked.
 */
async function refreshedReady(db: KioskDb, current: Ready): Promise<Ready | undefined> {
  let config: KioskConfig;
  try {
    config = await fetchKioskConfig(current.credential);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) throw error;
    return undefined; // offline, or a passing server error: keep what the device has
  }
  if (JSON.stringify(config) === JSON.stringify(current.config)) return undefined;
  await db.setMeta(META_CONFIG, config);
  return { ...current, config, definition: await loadDefinition(db, config.survey) };
}

/** /kiosk[?enrol=<code>]: a tablet at a one-stop counter, one respondent after another. */
export default function KioskPage() {
  const t = useTranslate(kioskStrings);
  const [db, setDb] = useState<KioskDb | null>(null);
  const [state, setState] = useState<Boot>({ status: 'starting' });
  const [attempt, setAttempt] = useState<{ code: string | null }>(() => ({
    code: new URLSearchParams(window.location.search).get('enrol'),
  }));

  useEffect(() => {
    // The whole screen is the kiosk's: no site header or footer leading away from the survey (kiosk.css).
    document.body.classList.add('kiosk-mode');
    return () => document.body.classList.remove('kiosk-mode');
  }, []);

  useEffect(() => {
    // The code works once: keep it out of the address bar and the history.
    window.history.replaceState(null, '', KIOSK_PATH);
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      navigator.serviceWorker.register('/kiosk-sw.js', { scope: KIOSK_PATH }).catch((error: unknown) => {
        console.warn('kiosk: no offline start (service worker not registered)', error);
      });
    }
    let cancelled = false;
    openKioskDb().then(
      (opened) => !cancelled && setDb(opened),
      (error: unknown) => {
        console.error('kiosk: IndexedDB unavailable', error);
        if (!cancelled) setState({ status: 'failed', message: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    boot(db, attempt.code).then(
      (next) => !cancelled && setState(next),
      (error: unknown) => {
        console.error('kiosk: start failed', error);
        if (!cancelled) setState({ status: 'failed', message: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, attempt]);

  const retry = (code: string | null) => {
    setState({ status: 'starting' });
    setAttempt({ code });
  };

  const revoked = useCallback(async () => {
    if (!db) return;
    setState({ status: 'unenrolled', refusedCode: false, code: '', queued: (await db.counts()).queued });
  }, [db]);

  const refresh = useCallback(async () => {
    if (!db || state.status !== 'ready') return;
    try {
      const next = await refreshedReady(db, state.ready);
      if (next) setState({ status: 'ready', ready: next });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) await revoked();
      else console.warn('kiosk: configuration not refreshed', error);
    }
  }, [db, state, revoked]);

  if (state.status === 'ready' && db) {
    return <KioskSession db={db} ready={state.ready} onRevoked={revoked} onWelcome={refresh} />;
  }
  if (state.status === 'unenrolled') return <NotEnrolled state={state} onEnrol={retry} />;
  return (
    <div className="kiosk kiosk--message">
      <title>{t('docTitle')}</title>
      {state.status !== 'failed' ? (
        <p className="loading" role="status">
          {t('starting')}
        </p>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>{state.message ?? t('startFailed')}</p>
          <button type="button" className="button button--secondary" onClick={() => retry(null)}>
            {t('retry')}
          </button>
        </div>
      )}
    </div>
  );
}

type Phase = 'welcome' | 'questionnaire' | 'thanks';

/** Configuration changes made on the server reach a kiosk that never reloads: checked on each welcome screen and every 10 min there. */
const CONFIG_REFRESH_MS = 10 * 60_000;

function KioskSession({
  db,
  ready,
  onRevoked,
  onWelcome,
}: {
  db: KioskDb;
  ready: Ready;
  onRevoked: () => void;
  /** Called on each welcome screen: the moment a new configuration may apply, between two respondents. */
  onWelcome: () => void;
}) {
  const { config, credential } = ready;
  const { locale, setLocale } = useLocale();
  const [phase, setPhase] = useState<Phase>('welcome');
  // The survey a respondent started keeps them to the end, even if a refresh brings a new version meanwhile.
  const [survey, setSurvey] = useState<{ definition: SurveyDefinition; unit: KioskConfig['unit'] } | null>(null);
  // Each respondent gets a fresh tree: nothing of the previous one (answers, errors, focus) survives a reset.
  const [respondent, setRespondent] = useState(0);
  const [status, setStatus] = useState<DeliveryStatus>({ queued: 0, dead: 0, connected: null });
  const delivery = useRef<Delivery | null>(null);
  const revoked = useEffectEvent(onRevoked);
  const welcome = useEffectEvent(onWelcome);

  useEffect(() => {
    const started = startDelivery({
      store: db,
      credential,
      deviceId: config.device.id,
      appVersion: APP_VERSION,
      onStatus: setStatus,
      onUnauthorized: () => revoked(),
    });
    delivery.current = started;
    return () => started.stop();
  }, [db, credential, config.device.id]);

  useEffect(() => {
    if (phase !== 'welcome') return;
    welcome();
    const timer = setInterval(() => welcome(), CONFIG_REFRESH_MS);
    return () => clearInterval(timer);
  }, [phase, respondent]);

  const reset = useCallback(() => {
    setRespondent((n) => n + 1);
    setPhase('welcome');
    setSurvey(null);
    setLocale('vi');
    // Back must show nothing of the previous respondent (the kiosk never pushes history entries).
    window.history.replaceState(null, '', KIOSK_PATH);
    window.getSelection()?.removeAllRanges();
    window.scrollTo(0, 0);
  }, [setLocale]);

  const idleMs = config.idleSeconds * 1000;
  const { secondsLeft, stillHere } = useIdle(phase === 'questionnaire' || (phase === 'welcome' && locale !== 'vi'), idleMs, reset);

  useEffect(() => {
    if (phase !== 'thanks') return;
    const timer = setTimeout(reset, Math.min(idleMs, THANK_YOU_MS));
    return () => clearTimeout(timer);
  }, [phase, idleMs, reset]);

  const submit = async (definition: SurveyDefinition, answers: Answers) => {
    const id = newUuid();
    // Safe on the device first; the thank-you screen needs no network.
    await db.add({
      id,
      deviceId: config.device.id,
      createdAt: new Date().toISOString(),
      body: { id, survey: definition.key, version: definition.version, locale, answers },
    });
    setPhase('thanks');
    delivery.current?.kick();
  };

  return (
    <div className="kiosk" key={respondent}>
      {phase === 'welcome' && (
        <Welcome
          config={config}
          status={status}
          onStart={() => {
            setSurvey({ definition: ready.definition, unit: config.unit });
            setPhase('questionnaire');
          }}
        />
      )}
      {phase === 'questionnaire' && survey && (
        <KioskForm definition={survey.definition} unit={survey.unit} onSubmit={(answers) => submit(survey.definition, answers)} />
      )}
      {phase === 'thanks' && survey && <ThankYou definition={survey.definition} unit={survey.unit} />}
      {secondsLeft !== null && <IdleWarning secondsLeft={secondsLeft} onContinue={stillHere} />}
    </div>
  );
}

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function unitLabel(unit: KioskConfig['unit'], locale: Locale): string {
  return locale === 'vi' ? unit.fullNameVi : unitName(unit, locale);
}

function Welcome({ config, status, onStart }: { config: KioskConfig; status: DeliveryStatus; onStart: () => void }) {
  const { locale, setLocale } = useLocale();
  const t = useTranslate(kioskStrings);
  const tq = useTranslate(questionnaireStrings);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const languages: Array<{ locale: Locale; label: string }> = [
    { locale: 'vi', label: 'Tiếng Việt' },
    { locale: 'en', label: 'English' },
  ];
  const parts = [
    t('statusDevice', { name: config.device.name }),
    t('statusQueued', { count: status.queued }),
    ...(status.dead > 0 ? [t('statusDead', { count: status.dead })] : []),
    ...(status.connected === null ? [] : [status.connected ? t('statusConnected') : t('statusOffline')]),
  ];
  return (
    <div className="kiosk-welcome">
      <title>{`${t('welcomeTitle')} – ${unitLabel(config.unit, locale)}`}</title>
      <div className="kiosk-welcome__body">
        <p className="kiosk-welcome__unit">
          <span className="kiosk-welcome__unit-label">{tq('unitLabel')}</span>
          <strong>{unitLabel(config.unit, locale)}</strong>
        </p>
        <h1 ref={heading} tabIndex={-1} className="kiosk-welcome__title">
          {t('welcomeTitle')}
        </h1>
        <p className="kiosk-welcome__lead">{t('welcomeLead')}</p>
        <p className="kiosk-welcome__anonymous">{t('anonymous')}</p>
        <button type="button" className="button button--primary kiosk-start" onClick={onStart}>
          {t('start')}
        </button>
        <div className="kiosk-languages" role="group" aria-label={t('language')}>
          {languages.map((option) => (
            <button
              key={option.locale}
              type="button"
              lang={option.locale}
              className="button button--secondary kiosk-language"
              aria-pressed={locale === option.locale}
              onClick={() => setLocale(option.locale)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <p className="kiosk-status">
        <span className="visually-hidden">{`${t('statusLabel')}: `}</span>
        {parts.join(' · ')}
      </p>
    </div>
  );
}

function ThankYou({ definition, unit }: { definition: SurveyDefinition; unit: KioskConfig['unit'] }) {
  const { locale } = useLocale();
  const t = useTranslate(kioskStrings);
  const tq = useTranslate(questionnaireStrings);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const text = localize(definition.thankYou, locale);
  return (
    <div className="page page--narrow questionnaire">
      <title>{text}</title>
      <ThankYouCard text={text} headingRef={heading}>
        <p>{t('thanksNote')}</p>
        <p className="thank-you__unit">
          {tq('unitLabel')}: <strong>{unitLabel(unit, locale)}</strong>
        </p>
        <p>{t('thanksReturn')}</p>
      </ThankYouCard>
    </div>
  );
}

/** Shown before an idle reset; any touch (or the button) keeps the respondent's answers. */
function IdleWarning({ secondsLeft, onContinue }: { secondsLeft: number; onContinue: () => void }) {
  const t = useTranslate(kioskStrings);
  const button = useRef<HTMLButtonElement>(null);
  const previous = useRef<Element | null>(null);
  useEffect(() => {
    previous.current = document.activeElement;
    button.current?.focus();
    return () => {
      // Gone because the respondent went on (a key, a touch, the button): focus goes back where it was.
      const before = previous.current;
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="kiosk-idle" role="alertdialog" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-text">
      <p id="kiosk-idle-title" className="kiosk-idle__title">
        {t('idleTitle')}
      </p>
      <p id="kiosk-idle-text">{t('idleText', { seconds: secondsLeft })}</p>
      <button
        ref={button}
        type="button"
        className="button button--primary"
        onClick={onContinue}
      >
        {t('idleContinue')}
      </button>
    </div>
  );
}

function NotEnrolled({
  state,
  onEnrol,
}: {
  state: Extract<Boot, { status: 'unenrolled' }>;
  onEnrol: (code: string) => void;
}) {
  const t = useTranslate(kioskStrings);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [code, setCode] = useState(state.code);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() !== '') onEnrol(code.trim());
  };
  return (
    <div className="kiosk kiosk--message">
      <div className="page page--narrow">
        <title>{t('notEnrolledTitle')}</title>
        <div className="card">
          <h1 ref={heading} tabIndex={-1}>
            {t('notEnrolledTitle')}
          </h1>
          <p>{t('notEnrolledText')}</p>
          {state.queued > 0 && <p>{t('queueKept', { count: state.queued })}</p>}
          {state.code !== '' && (
            <div className="notice notice--error" role="alert">
              <p>{state.refusedCode ? t('codeRefused') : t('enrolFailed')}</p>
            </div>
          )}
          <form className="kiosk-enrol" onSubmit={submit} noValidate>
            <label htmlFor="kiosk-code" className="question__text">
              {t('codeLabel')}
            </label>
            <p id="kiosk-code-hint" className="question__hint">
              {t('codeHint')}
            </p>
            <input
              id="kiosk-code"
              className="number-input kiosk-enrol__input"
              aria-describedby="kiosk-code-hint"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
            <button type="submit" className="button button--primary">
              {t('enrol')}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
