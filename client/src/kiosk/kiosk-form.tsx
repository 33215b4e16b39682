import { useEffect, useState } from 'react';
import type { KioskConfig } from '@sipas/server/api/devices';
import type { Answers, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { unitName } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { visibleAnswers } from '../questionnaire/screens.ts';
import { useScreenFlow } from '../questionnaire/use-screen-flow.tsx';
import { kioskStrings } from './kiosk.strings.ts';

/**
 * The questionnaire on a kiosk: the respondent flow of /s/:unitCode (same fields, checks and screens),
 * but answers live in this component's memory only (never in localStorage) and vanish with it, and
 * submitting hands the answers to the outbox instead of the network.
 */
export function KioskForm({
  definition,
  unit,
  onSubmit,
}: {
  definition: SurveyDefinition;
  unit: KioskConfig['unit'];
  /** Resolves once the response is safely stored on the device. */
  onSubmit: (answers: Answers) => Promise<void>;
}) {
  const { locale } = useLocale();
  const tk = useTranslate(kioskStrings);
  const flow = useScreenFlow(definition);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'failed'>('idle');

  // Each respondent starts on the first screen's heading.
  const { headingRef } = flow;
  useEffect(() => {
    window.scrollTo(0, 0);
    headingRef.current?.focus();
  }, [headingRef]);

  const submit = async () => {
    if (saving === 'saving' || !flow.check()) return;
    setSaving('saving');
    try {
      await onSubmit(visibleAnswers(definition, flow.answers));
    } catch (error) {
      console.error('kiosk: could not store the response on the device', error);
      setSaving('failed');
    }
  };

  return flow.render({
    unitLabel: locale === 'vi' ? unit.fullNameVi : unitName(unit, locale),
    busy: saving === 'saving',
    onSubmit: submit,
    className: ' kiosk-form',
    autoComplete: 'off',
    alert: saving === 'failed' && (
      <div className="notice notice--error" role="alert">
        <p>{tk('saveFailed')}</p>
      </div>
    ),
  });
}
