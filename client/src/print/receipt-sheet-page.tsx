import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Procedure } from '@sipas/server/api/procedures';
import type { MintedBatch, TokenChannel } from '@sipas/server/api/tokens';
import { ApiRequestError, NetworkError } from '../lib/api.ts';
import { commonStrings } from '../lib/i18n.ts';
import { useTranslate } from '../lib/locale-context.tsx';
import { inBatches, MAX_DOSSIER_REF_LENGTH, parseDossierRefs } from './dossier-refs.ts';
import { HintedField } from './hinted-field.tsx';
import { mintBatch } from './mint-batch.api.ts';
import { fetchProcedure } from './procedure.api.ts';
import { formatDay, svgDataUrl } from './qr-card.ts';
import { printStrings } from './print.strings.ts';
import { fetchTokenStatus } from './token-status.api.ts';
import { fetchUnit } from './unit.api.ts';

interface Sheet {
  cards: MintedBatch['tokens'];
  /** The full name of the unit whose key signed the links; null if it could not be read back. */
  unit: string | null;
  procedure: Procedure | null;
  duplicates: number;
}

type Phase = { status: 'idle' } | { status: 'working' } | { status: 'failed'; messages: string[] };

const CHANNELS: Array<{ value: TokenChannel; label: 'channelCounter' | 'channelOnline' | 'channelPost' }> = [
  { value: 'counter', label: 'channelCounter' },
  { value: 'online', label: 'channelOnline' },
  { value: 'post', label: 'channelPost' },
];

/**
 * /print/receipts: one-stop staff paste dossier references and get a sheet of single-use QR codes to cut out
 * and stick on the receipts. The unit's API key lives in this component's state only.
 */
export function ReceiptSheetPage() {
  const t = useTranslate(printStrings);
  const tc = useTranslate(commonStrings);
  const [apiKey, setApiKey] = useState('');
  const [refsText, setRefsText] = useState('');
  const [procedureCode, setProcedureCode] = useState('');
  const [channel, setChannel] = useState<TokenChannel>('counter');
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const sheetHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (phase.status === 'failed') problemsRef.current?.focus();
  }, [phase]);
  useEffect(() => {
    if (sheet) sheetHeading.current?.focus();
  }, [sheet]);

  const describeFailure = (error: unknown): string[] => {
    if (error instanceof NetworkError) return [tc('networkError')];
    if (error instanceof ApiRequestError && error.status === 401) return [t('unauthorized')];
    if (error instanceof ApiRequestError && error.status === 400) {
      const issues = error.body?.issues ?? [];
      return [t('rejected'), ...(issues.length ? issues.map((i) => `${i.path}: ${i.message}`) : [error.message])];
    }
    return [t('serverError')];
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.status === 'working') return;
    const key = apiKey.trim();
    const code = procedureCode.trim();
    const parsed = parseDossierRefs(refsText);
    const messages = [
      ...(key ? [] : [t('noKey')]),
      ...(parsed.refs.length === 0 && parsed.problems.length === 0 ? [t('noRefs')] : []),
      ...parsed.problems.map((p) =>
        p.kind === 'tooLong' ? t('lineTooLong', { line: p.line, max: MAX_DOSSIER_REF_LENGTH }) : t('lineControl', { line: p.line }),
      ),
    ];
    if (messages.length > 0) {
      setPhase({ status: 'failed', messages });
      return;
    }

    setPhase({ status: 'working' });
    try {
      // A mistyped procedure code would label every response of the batch wrongly: check it first.
      let procedure: Procedure | null = null;
      if (code) {
        try {
          procedure = await fetchProcedure(code);
        } catch (error) {
          if (error instanceof ApiRequestError && (error.status === 404 || error.status === 400)) {
            setPhase({ status: 'failed', messages: [t('unknownProcedure', { code })] });
            return;
          }
          throw error;
        }
      }
      const cards: Sheet['cards'] = [];
      for (const dossierRefs of inBatches(parsed.refs)) {
        const batch = await mintBatch(key, { dossierRefs, channel, ...(procedure ? { procedure: procedure.code } : {}) });
        cards.push(...batch.tokens);
      }
      // The batch answer does not name the unit; the first link does. Its name only labels the cards.
      const unit = await fetchTokenStatus(cards[0]!.token).then(
        (status) => fetchUnit(status.unit.code).then((u) => u.fullNameVi, () => status.unit.nameVi),
        () => null,
      );
      setSheet({ cards, unit, procedure, duplicates: parsed.duplicates });
      setPhase({ status: 'idle' });
    } catch (error) {
      setPhase({ status: 'failed', messages: describeFailure(error) });
    }
  };

  const unitLabel = sheet?.unit ?? '';
  return (
    <div className="page page--wide print-page">
      <title>{t('sheetDocTitle')}</title>
      <div className="no-print">
        <h1>{t('sheetTitle')}</h1>
        <p className="lead">{t('sheetLead')}</p>
        <form className="card print-form" noValidate onSubmit={create}>
          {phase.status === 'failed' && (
            <div className="error-box" role="alert" tabIndex={-1} ref={problemsRef}>
              <p className="error-box__title">{t('problems')}</p>
              <ul>
                {phase.messages.map((message, i) => (
                  <li key={i}>{message}</li>
                ))}
              </ul>
            </div>
          )}
          <HintedField id="print-key" label={t('apiKey')} hint={t('apiKeyHint')}>
            <input
              id="print-key"
              className="field__input"
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              aria-describedby="print-key-hint"
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
            />
          </HintedField>
          <HintedField id="print-refs" label={t('refs')} hint={t('refsHint')}>
            <textarea
              id="print-refs"
              className="field__input field__input--refs"
              rows={8}
              spellCheck={false}
              required
              aria-describedby="print-refs-hint"
              value={refsText}
              onChange={(e) => setRefsText(e.target.value)}
            />
          </HintedField>
          <HintedField id="print-procedure" label={t('procedure')} hint={t('procedureHint')}>
            <input
              id="print-procedure"
              className="field__input field__input--code"
              spellCheck={false}
              autoComplete="off"
              aria-describedby="print-procedure-hint"
              value={procedureCode}
              onChange={(e) => setProcedureCode(e.target.value)}
            />
          </HintedField>
          <div className="field">
            <label htmlFor="print-channel">{t('channel')}</label>
            <select
              id="print-channel"
              className="field__input field__input--choice"
              value={channel}
              onChange={(e) => setChannel(e.target.value as TokenChannel)}
            >
              {CHANNELS.map((c) => (
                <option key={c.value} value={c.value}>
                  {t(c.label)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary" aria-disabled={phase.status === 'working'}>
            {t('create')}
          </button>
          <p className="print-form__status" role="status">
            {phase.status === 'working' ? t('creating') : ''}
          </p>
        </form>
      </div>

      {sheet && (
        <section className="qr-sheet" aria-labelledby="qr-sheet-title">
          <div className="qr-sheet__bar no-print">
            <div>
              <h2 id="qr-sheet-title" ref={sheetHeading} tabIndex={-1}>
                {t('sheetReady', { count: sheet.cards.length, unit: unitLabel })}
              </h2>
              {sheet.procedure && <p className="qr-sheet__procedure">{`${sheet.procedure.code} · ${sheet.procedure.nameVi}`}</p>}
              <p className="qr-sheet__hint">
                {t('sheetHint')}
                {sheet.duplicates > 0 && ` ${t('duplicates', { count: sheet.duplicates })}`}
              </p>
            </div>
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('printSheet')}
            </button>
          </div>
          {/* Printed for citizens: Vietnamese first, English second, whatever the staff's language. */}
          <ul className="qr-cards">
            {sheet.cards.map((card) => (
              <li className="qr-card" key={card.token}>
                <img className="qr-card__qr" src={svgDataUrl(card.qrSvg)} alt={t('qrAlt', { ref: card.dossierRef })} />
                <p className="qr-card__cta" lang="vi">
                  Quét mã để đánh giá sự hài lòng
                </p>
                <p className="qr-card__cta-en" lang="en">
                  Scan to rate our service
                </p>
                <p className="qr-card__ref">{card.dossierRef}</p>
                {unitLabel && (
                  <p className="qr-card__unit" lang="vi">
                    {unitLabel}
                  </p>
                )}
                <p className="qr-card__expiry">
                  Hạn đánh giá / Valid until {formatDay(card.expiresOn)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
