import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';
import { SATISFACTION_LEVEL_LABELS } from '@sipas/survey-definitions/constants';
import type { Condition, Question, Section, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { isNotFound, ApiRequestError } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import { isLocale, localize, LOCALES, type Locale, type LocalizedText } from '../lib/i18n.ts';
import { LoadError, Loading } from '../lib/load-error.tsx';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { adminStrings, methodLabel } from './admin.strings.ts';
import { answerChoices, describeCondition } from './survey-preview.ts';
import { StatusBadge } from './survey-status.tsx';
import { useSurveyVersion } from './survey-version.api.ts';
import { useSurveys } from './surveys.api.ts';
import { LANGUAGE_NAMES, surveysStrings } from './surveys.strings.ts';
import { ScrollTable } from './scroll-table.tsx';

type Translate = ReturnType<typeof useTranslate<keyof typeof surveysStrings.vi>>;

/** /admin/surveys/:key/:version[?lang=en]: one version as respondents read it, with its scoring spec and provenance. */
export function SurveyVersionPage({ surveyKey, version }: { surveyKey: string; version: string }) {
  const t = useTranslate(surveysStrings);
  const number = /^[1-9][0-9]{0,8}$/.test(version) ? Number(version) : null;
  return (
    <div className="page page--wide admin survey-preview">
      <p className="back-link">
        <Link href="/surveys">
          <span aria-hidden="true">←</span>
          {t('backToList')}
        </Link>
      </p>
      {number === null ? (
        <NotFound surveyKey={surveyKey} version={version} />
      ) : (
        <LoadedVersion surveyKey={surveyKey} version={number} />
      )}
    </div>
  );
}

function NotFound({ surveyKey, version }: { surveyKey: string; version: string }) {
  const t = useTranslate(surveysStrings);
  return (
    <>
      <title>{t('surveyNotFound')}</title>
      <h1>{t('surveyNotFound')}</h1>
      <p>{t('surveyNotFoundText', { key: surveyKey, version })}</p>
    </>
  );
}

function LoadedVersion({ surveyKey, version }: { surveyKey: string; version: number }) {
  const definition = useSurveyVersion(surveyKey, version);
  // The version endpoint sends the hash only as its ETag; the list carries it in the body.
  const surveys = useSurveys();
  if (definition.status === 'loading') return <Loading />;
  if (definition.status === 'error') {
    const unknown =
      isNotFound(definition.error) || (definition.error instanceof ApiRequestError && definition.error.status === 400);
    if (unknown) return <NotFound surveyKey={surveyKey} version={String(version)} />;
    return <LoadError error={definition.error} onRetry={definition.reload} />;
  }
  const hash =
    surveys.status === 'success'
      ? (surveys.data.surveys.find((s) => s.key === surveyKey && s.version === version)?.hash ?? null)
      : surveys.status === 'loading'
        ? undefined
        : null;
  return <Preview definition={definition.data} hash={hash} />;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Which language the preview shows: ?lang= when the survey has it, else the UI language, else Vietnamese. */
function usePreviewLocale(available: readonly Locale[]): [Locale, (next: Locale) => void] {
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const requested = params.get('lang');
  const preview = isLocale(requested) && available.includes(requested) ? requested : available.includes(locale) ? locale : 'vi';
  const setPreview = (next: Locale) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set('lang', next);
        return out;
      },
      { replace: true },
    );
  return [preview, setPreview];
}

function Preview({ definition, hash }: { definition: SurveyDefinition; hash: string | null | undefined }) {
  const t = useTranslate(surveysStrings);
  const available = LOCALES.filter((l) => definition.locales.includes(l));
  const [preview, setPreview] = usePreviewLocale(available);
  const text = (value: LocalizedText | undefined) => localize(value, preview);
  const questions = definition.sections.flatMap((s) => s.questions);
  // Questions are numbered across sections, as an admin refers to them ("question 12").
  const firstNumbers = definition.sections.map((_, i) =>
    definition.sections.slice(0, i).reduce((n, s) => n + s.questions.length, 1),
  );

  return (
    <>
      <title>{`${text(definition.title)} (v${definition.version}) – ${t('listTitle')}`}</title>
      <h1 lang={preview}>{text(definition.title)}</h1>

      <fieldset className="lang-toggle">
        <legend>{t('previewLanguage')}</legend>
        <div className="lang-toggle__options">
          {available.map((l) => (
            <label key={l} className="lang-toggle__option" lang={l}>
              <input
                type="radio"
                name="preview-language"
                value={l}
                checked={preview === l}
                onChange={() => setPreview(l)}
              />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </div>
        {available.length === 1 && <p className="field__hint">{t('onlyVietnamese')}</p>}
      </fieldset>

      <section>
        <h2>{t('facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('key')}</dt>
            <dd>
              <code>{definition.key}</code>
            </dd>
          </div>
          <div>
            <dt>{t('version')}</dt>
            <dd>{formatNumber(definition.version)}</dd>
          </div>
          <div>
            <dt>{t('status')}</dt>
            <dd>
              <StatusBadge status={definition.status} />
            </dd>
          </div>
          <div>
            <dt>{t('locales')}</dt>
            <dd>{available.map((l) => LANGUAGE_NAMES[l]).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('size')}</dt>
            <dd>
              {t('sizeValue', {
                sections: formatNumber(definition.sections.length),
                questions: formatNumber(questions.length),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('hash')}</dt>
            <dd>{hash === undefined ? <Loading /> : <code className="hash hash--full">{hash ?? '—'}</code>}</dd>
          </div>
        </dl>
      </section>

      <section>
        <h2>{t('introduction')}</h2>
        <div className="preview-text card" lang={preview}>
          {paragraphs(text(definition.introduction)).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </section>

      <section>
        <h2>{t('contents')}</h2>
        {definition.sections.map((section, i) => (
          <SectionPreview
            key={section.id}
            section={section}
            number={i + 1}
            firstQuestion={firstNumbers[i] ?? 1}
            definition={definition}
            preview={preview}
          />
        ))}
      </section>

      <section>
        <h2>{t('thankYou')}</h2>
        <div className="preview-text card" lang={preview}>
          {paragraphs(text(definition.thankYou)).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </section>

      <ScoringPreview definition={definition} preview={preview} />
      <ProvenancePreview definition={definition} preview={preview} />
    </>
  );
}

type PartProps = { definition: SurveyDefinition; preview: Locale };

function SectionPreview({
  section,
  number,
  firstQuestion,
  definition,
  preview,
}: PartProps & { section: Section; number: number; firstQuestion: number }) {
  const t = useTranslate(surveysStrings);
  return (
    <section className="preview-section card">
      <h3>
        {t('sectionHeading', { number })}
        <span lang={preview}>{localize(section.title, preview)}</span>
      </h3>
      <p className="preview-meta">
        {t('sectionId')}: <code>{section.id}</code>
      </p>
      {section.showIf && <ConditionLine condition={section.showIf} definition={definition} preview={preview} t={t} />}
      {section.description && (
        <p className="preview-description" lang={preview}>
          {localize(section.description, preview)}
        </p>
      )}
      <ol className="preview-questions" start={firstQuestion}>
        {section.questions.map((question) => (
          <QuestionPreview key={question.id} question={question} definition={definition} preview={preview} />
        ))}
      </ol>
    </section>
  );
}

function ConditionLine({ condition, definition, preview, t }: PartProps & { condition: Condition; t: Translate }) {
  const words = describeCondition(condition, definition, preview);
  return (
    <p className="preview-condition">
      <span className="preview-condition__label">{t('shownIf')}</span> <code>{words.questionId}</code>
      {words.operator === 'equals' ? ' = ' : ` ${t('isOneOf')} `}
      <span lang={preview}>{words.values.join('; ')}</span>
    </p>
  );
}

function typeLabel(question: Question, t: Translate): string {
  switch (question.type) {
    case 'satisfaction5':
      return t('typeSatisfaction5');
    case 'scale4':
      return t('typeScale4');
    case 'yesNo':
      return t('typeYesNo');
    case 'singleChoice':
      return t('typeSingleChoice');
    case 'multipleChoice':
      return t('typeMultipleChoice', { max: formatNumber(question.maxSelected) });
    case 'text':
      return t('typeText', { max: formatNumber(question.maxLength) });
    case 'number':
      return t(question.integer ? 'typeInteger' : 'typeNumber', {
        min: formatNumber(question.min),
        max: formatNumber(question.max),
      });
  }
}

function QuestionPreview({ question, definition, preview }: PartProps & { question: Question }) {
  const t = useTranslate(surveysStrings);
  const choices = answerChoices(question, preview);
  return (
    <li className="preview-question">
      <p className="preview-question__text" lang={preview}>
        {localize(question.text, preview)}
      </p>
      {question.help && (
        <p className="preview-question__help" lang={preview}>
          {localize(question.help, preview)}
        </p>
      )}
      <dl className="preview-meta-list">
        <div>
          <dt>{t('questionId')}</dt>
          <dd>
            <code>{question.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('questionType')}</dt>
          <dd>{typeLabel(question, t)}</dd>
        </div>
        <div>
          <dt>{t('required')}</dt>
          <dd className={question.required ? 'is-required' : undefined}>
            {question.required ? t('requiredYes') : t('requiredNo')}
          </dd>
        </div>
      </dl>
      {question.showIf && <ConditionLine condition={question.showIf} definition={definition} preview={preview} t={t} />}
      {choices.length > 0 && (
        <ul className="preview-choices" lang={preview} aria-label={t('answers')}>
          {choices.map((choice) => (
            <li key={choice.value} className={choice.level === undefined ? undefined : 'preview-choice--level'}>
              {choice.level !== undefined && <span className="preview-choice__level">{choice.level}</span>}
              {choice.label}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Long snake_case ids wrap between words in narrow table cells, not in the middle of one. */
function breakAfterUnderscores(id: string): ReactNode[] {
  return id.split('_').flatMap((part, i, parts) => (i < parts.length - 1 ? [`${part}_`, <wbr key={i} />] : [part]));
}

function capitalize(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function ScoringPreview({ definition, preview }: PartProps) {
  const t = useTranslate(surveysStrings);
  const ta = useTranslate(adminStrings);
  const { locale } = useLocale();
  const { scoring } = definition;
  const questions = new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const criteriaCount = scoring.components.reduce((n, c) => n + c.criteria.length, 0);
  return (
    <section>
      <h2>{t('scoring')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('satisfiedLevels')}</dt>
          <dd lang={preview}>
            {scoring.satisfiedLevels.map((level) => `${level} – ${SATISFACTION_LEVEL_LABELS[preview][level - 1] ?? ''}`).join('; ')}
          </dd>
        </div>
        <div>
          <dt>{t('overallMethod')}</dt>
          <dd>
            {capitalize(methodLabel(scoring.overallMethod, ta), locale)} (<code>{scoring.overallMethod}</code>)
          </dd>
        </div>
        <div>
          <dt>{t('minSampleToRank')}</dt>
          <dd>{t('minSampleValue', { n: formatNumber(scoring.minSampleToRank) })}</dd>
        </div>
      </dl>
      <ScrollTable
        caption={t('componentsCaption', { components: formatNumber(scoring.components.length), criteria: formatNumber(criteriaCount) })}
        className="criteria-table"
      >
        <thead>
          <tr>
            <th scope="col">{t('colComponent')}</th>
            <th scope="col">{t('colCriterionId')}</th>
            <th scope="col">{t('colCriterionText')}</th>
          </tr>
        </thead>
        {scoring.components.map((component) => (
          <tbody key={component.id}>
            {component.criteria.map((id, i) => {
              const question = questions.get(id);
              return (
                <tr key={id}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={component.criteria.length}>
                      <span lang={preview}>{localize(component.label, preview)}</span>
                      <code className="criteria-table__id">{component.id}</code>
                    </th>
                  )}
                  <td>
                    <code className="criteria-table__criterion">{breakAfterUnderscores(id)}</code>
                  </td>
                  <td lang={preview}>{question ? localize(question.text, preview) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </ScrollTable>
    </section>
  );
}

function ProvenancePreview({ definition, preview }: PartProps) {
  const t = useTranslate(surveysStrings);
  const { provenance } = definition.scoring;
  const unconfirmed = provenance.unconfirmed ?? [];
  return (
    <section>
      <h2>{t('provenance')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('source')}</dt>
          <dd>{provenance.source}</dd>
        </div>
        {provenance.notes && (
          <div>
            <dt>{t('notes')}</dt>
            <dd lang={preview}>{localize(provenance.notes, preview)}</dd>
          </div>
        )}
      </dl>
      <h3>{t('unconfirmed', { count: formatNumber(unconfirmed.length) })}</h3>
      {unconfirmed.length > 0 ? (
        <ul className="unconfirmed-list">
          {unconfirmed.map((point, i) => (
            <li key={i}>{point}</li>
          ))}
        </ul>
      ) : (
        <p>{t('noUnconfirmed')}</p>
      )}
    </section>
  );
}
