import { useEffect, useRef, useState } from 'react';
import type { TokenStatus } from '@sipas/server/api/tokens';
import type { Unit } from '@sipas/server/api/units';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { browserStorage, clearProgress } from '../lib/answer-storage.ts';
import { unitName } from '../lib/i18n.ts';
import { LoadError, Loading } from '../lib/load-error.tsx';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { DEFAULT_SURVEY, useSurveyDefinition } from '../lib/survey-definition.api.ts';
import { QuestionnaireForm } from '../questionnaire/questionnaire-form.tsx';
import { useUnit } from '../questionnaire/unit.api.ts';
import { useProcedure } from './procedure.api.ts';
import { receiptScope, tokenRefusal, type Refusal } from './receipt-refusal.ts';
import { receiptStrings } from './receipt.strings.ts';
import { useTokenStatus } from './token-status.api.ts';
// Joins the questionnaire's own chunk (as the kiosk does) rather than splitting it in two: a split would cost
// the /s/:unitCode route several hundred bytes of its budget.
import '../questionnaire/questionnaire-page.tsx';
import './receipt.css';

/**
 * /r/:token: the link printed as a QR code on a dossier's receipt. The token names the unit, procedure and
 * channel; the questionnaire answers once per dossier. Forged, expired, withdrawn or used links get a page
 * saying so and no questionnaire.
 */
export default function ReceiptPage({ token }: { token: string }) {
  const status = useTokenStatus(token);
  const survey = useSurveyDefinition(DEFAULT_SURVEY);
  // Set when the server refuses the token on submit (spent meanwhile, or expired while answering).
  const [refusedOnSubmit, setRefusedOnSubmit] = useState<Refusal | null>(null);

  const refusal =
    refusedOnSubmit ??
    (status.status === 'error' ? tokenRefusal(status.error) : status.status === 'success' && status.data.used ? 'used' : null);
  if (refusal) {
    return (
      <RefusalPage
        refusal={refusal}
        token={token}
        unit={status.status === 'success' ? status.data.unit : null}
        focus={refusedOnSubmit !== null}
      />
    );
  }
  if (status.status === 'error' || survey.status === 'error') {
    return (
      <div className="page page--narrow">
        <LoadError
          error={status.status === 'error' ? status.error : survey.status === 'error' ? survey.error : null}
          onRetry={() => {
            status.reload();
            survey.reload();
          }}
        />
      </div>
    );
  }
  if (status.status === 'loading' || survey.status === 'loading') return <PageLoading />;
  return (
    <ReceiptQuestionnaire
      key={`${survey.data.key}:${survey.data.version}`}
      token={token}
      status={status.data}
      definition={survey.data}
      onRefused={(error) => setRefusedOnSubmit(tokenRefusal(error) ?? 'invalid')}
    />
  );
}

function ReceiptQuestionnaire({
  token,
  status,
  definition,
  onRefused,
}: {
  token: string;
  status: TokenStatus;
  definition: SurveyDefinition;
  onRefused: (error: unknown) => void;
}) {
  const t = useTranslate(receiptStrings);
  // The unit's full name (Thành phố Cần Thơ) as on /s/:unitCode; the token's own names if that fails.
  const unit = useUnit(status.unit.code);
  const procedure = useProcedure(status.procedure);
  if (unit.status === 'loading' || procedure.status === 'loading') return <PageLoading />;

  const formUnit: Unit = unit.status === 'success' ? unit.data : { ...status.unit, fullNameVi: status.unit.nameVi, type: '' };
  // A code outside the catalogue still names the procedure: show the code.
  const procedureName = procedure.status === 'success' && procedure.data ? procedure.data.nameVi : status.procedure;
  const note = procedureName && (
    <p className="survey-header__unit receipt-procedure">
      <span className="survey-header__unit-label">{t('procedureLabel')}</span>
      {/* The catalogue names procedures in Vietnamese only. */}
      <strong lang="vi">{procedureName}</strong>
    </p>
  );
  return (
    <QuestionnaireForm
      definition={definition}
      unit={formUnit}
      receipt={{ token, scope: receiptScope(token), note, onRefused }}
    />
  );
}

function RefusalPage({
  refusal,
  token,
  unit,
  focus,
}: {
  refusal: Refusal;
  token: string;
  unit: TokenStatus['unit'] | null;
  /** After a refused submission focus moves to the heading, as it does to the thank-you. */
  focus: boolean;
}) {
  const { locale } = useLocale();
  const t = useTranslate(receiptStrings);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Answers begun on this device for a link that can no longer be answered are of no use: drop them.
    clearProgress(browserStorage(), DEFAULT_SURVEY, receiptScope(token));
  }, [token]);
  useEffect(() => {
    if (!focus) return;
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [focus]);

  const title = t(`${refusal}Title`);
  return (
    <div className="page page--narrow questionnaire">
      <title>{title}</title>
      <div className={`card refusal refusal--${refusal}`}>
        <span className="refusal__icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="48" height="48" focusable="false">
            <circle cx="12" cy="12" r="11" fill="currentColor" />
            {refusal === 'used' ? (
              <path d="M7 12.5l3.2 3.2L17.5 8.5" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
            ) : (
              <path d="M12 6.5v7M12 16.8v.4" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
            )}
          </svg>
        </span>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p>{t(`${refusal}Text`)}</p>
        {unit && (
          <p className="refusal__unit">
            {t('unitLabel')}: <strong>{unitName(unit, locale)}</strong>
          </p>
        )}
        <p>
          <a href="/">{t('home')}</a>
        </p>
      </div>
    </div>
  );
}

function PageLoading() {
  return (
    <div className="page page--narrow">
      <Loading />
    </div>
  );
}
