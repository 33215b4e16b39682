import type { IssuedKioskCode, KioskDevice, KioskStatus } from '@sipas/server/api/management';
import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { commonStrings, unitName } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { ActionFeedback } from './action-feedback.tsx';
import { actionErrorText } from './action-error.ts';
import { CopyField } from './copy-field.tsx';
import { fieldText, HintedField, ManagementForm } from './management-form.tsx';
import { enrolKiosk, newKioskCode, revokeKiosk, useKiosks } from './management.api.ts';
import { managementStrings } from './management.strings.ts';
import { UnitScopeForm, useScopedUnit } from './unit-scope.tsx';
import { vietnamDateTime } from './vietnam-time.ts';
import './management.css';
import { ScrollTable } from '../scroll-table.tsx';

const STATUS_KEYS = {
  'awaiting-enrolment': 'statusAwaiting',
  'enrolment-expired': 'statusExpired',
  'never-seen': 'statusNeverSeen',
  ok: 'statusOk',
  late: 'statusLate',
  silent: 'statusSilent',
  revoked: 'statusRevoked',
} as const satisfies Record<KioskStatus, string>;

/** /admin/kiosks: the kiosks of a unit's subtree; enrol (one-time code), new code, revoke. */
export function KiosksPage() {
  const t = useTranslate(managementStrings);
  const [unit, setUnit] = useScopedUnit();
  const [issued, setIssued] = useState<IssuedKioskCode | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <div className="page page--wide admin management">
      <title>{t('kiosksTitle')}</title>
      <h1>{t('kiosksTitle')}</h1>
      <p className="lead">{t('kiosksIntro')}</p>
      <UnitScopeForm
        unit={unit}
        onChange={(code) => {
          setIssued(null);
          setNotice('');
          setUnit(code);
        }}
      />
      {unit === '' ? (
        <p>{t('unitChoose')}</p>
      ) : (
        <KiosksOfUnit key={unit} unit={unit} issued={issued} setIssued={setIssued} notice={notice} setNotice={setNotice} />
      )}
    </div>
  );
}

interface KiosksOfUnitProps {
  unit: string;
  issued: IssuedKioskCode | null;
  setIssued: (issued: IssuedKioskCode | null) => void;
  notice: string;
  setNotice: (text: string) => void;
}

function KiosksOfUnit({ unit, issued, setIssued, notice, setNotice }: KiosksOfUnitProps) {
  const t = useTranslate(managementStrings);
  const tc = useTranslate(commonStrings);
  const { locale } = useLocale();
  const kiosks = useKiosks(unit);
  const [actionError, setActionError] = useState('');

  const act = async (action: () => Promise<void>) => {
    setActionError('');
    try {
      await action();
    } catch (error) {
      setActionError(actionErrorText(error, t, tc));
    }
  };
  const revoke = (device: KioskDevice) => {
    if (!window.confirm(t('confirmRevokeKiosk', { name: device.name }))) return;
    void act(async () => {
      await revokeKiosk(device.id);
      setNotice(t('kioskRevoked', { name: device.name }));
      kiosks.reload();
    });
  };
  const reissue = (device: KioskDevice) =>
    void act(async () => {
      setIssued(await newKioskCode(device.id));
      kiosks.reload();
    });

  if (kiosks.status === 'loading') return <Loading />;
  if (kiosks.status === 'error') {
    return <LoadError error={kiosks.error} onRetry={kiosks.reload} />;
  }
  const { devices } = kiosks.data;
  return (
    <>
      <p className="management-scope">
        {t('unitScope', { name: unitName(kiosks.data.unit, locale), code: kiosks.data.unit.code })}
      </p>
      <EnrolForm
        unit={kiosks.data.unit.code}
        onEnrolled={(code) => {
          setNotice('');
          setIssued(code);
          kiosks.reload();
        }}
      />
      {issued && <IssuedCodePanel issued={issued} />}
      <ActionFeedback notice={notice} error={actionError} />
      <ScrollTable caption={t('kiosksCaption', { count: formatNumber(devices.length) })} className="management-table">
        <thead>
          <tr>
            <th scope="col">{t('colDevice')}</th>
            <th scope="col">{t('colUnit')}</th>
            <th scope="col">{t('colEnrolled')}</th>
            <th scope="col">{t('colLastContact')}</th>
            <th scope="col" className="num">
              {t('colQueue')}
            </th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device.id}>
              <th scope="row">
                {device.name}
                <span className="management-table__sub">
                  <code>{device.id}</code>
                </span>
              </th>
              <td>
                {unitName(device.unit, locale)} <span className="unit-code">({device.unit.code})</span>
              </td>
              <td>{device.enrolledAt ? vietnamDateTime(device.enrolledAt) : t('never')}</td>
              <td>{device.lastContactAt ? vietnamDateTime(device.lastContactAt) : t('never')}</td>
              <td className="num">
                {device.queueDepth === null ? '—' : formatNumber(device.queueDepth)}
                {device.deadLetters ? <span className="management-table__sub">{t('queueFailed', { n: formatNumber(device.deadLetters) })}</span> : null}
              </td>
              <td>
                <span className={`status-badge kiosk-status--${device.status}`}>{t(STATUS_KEYS[device.status])}</span>
                {device.revokedAt && (
                  <span className="management-table__sub">{t('revokedOn', { time: vietnamDateTime(device.revokedAt) })}</span>
                )}
              </td>
              <td>
                {device.status !== 'revoked' && (
                  <span className="management-actions">
                    <button type="button" className="button button--secondary button--small" aria-label={t('newCodeLabel', { name: device.name })} onClick={() => reissue(device)}>
                      {t('newCode')}
                    </button>
                    <button type="button" className="button button--danger button--small" aria-label={t('revokeKioskLabel', { name: device.name })} onClick={() => revoke(device)}>
                      {t('revoke')}
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
          {devices.length === 0 && (
            <tr>
              <td colSpan={7}>{t('noKiosks')}</td>
            </tr>
          )}
        </tbody>
      </ScrollTable>
    </>
  );
}

function EnrolForm({ unit, onEnrolled }: { unit: string; onEnrolled: (issued: IssuedKioskCode) => void }) {
  const t = useTranslate(managementStrings);
  return (
    <ManagementForm
      title={t('enrolTitle')}
      submitLabel={t('enrol')}
      onSubmit={async (data) => {
        const idle = fieldText(data, 'idleSeconds');
        onEnrolled(await enrolKiosk({ unit, name: String(data.get('name') ?? ''), ...(idle ? { idleSeconds: Number(idle) } : {}) }));
      }}
    >
      <HintedField name="name" label={t('kioskName')} hint={t('kioskNameHint')} required maxLength={100} />
      <HintedField name="idleSeconds" label={t('idleSeconds')} hint={t('idleSecondsHint')} type="number" inputMode="numeric" min={3} max={3600} step={1} />
    </ManagementForm>
  );
}

/** The one-time code, where to use it and until when; focused so that it is read out at once. */
function IssuedCodePanel({ issued }: { issued: IssuedKioskCode }) {
  const t = useTranslate(managementStrings);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [issued]);
  return (
    <section className="notice management-once" aria-labelledby="issued-code-title">
      <h2 id="issued-code-title" ref={heading} tabIndex={-1}>
        {t('issuedTitle', { name: issued.device.name })}
      </h2>
      <p>{t('issuedFor', { unit: `${issued.device.unitNameVi} (${issued.device.unitCode})`, survey: issued.device.surveyKey })}</p>
      <dl className="secret-fields">
        <CopyField label={t('issuedCode')} value={issued.code} />
        <CopyField label={t('issuedLink')} value={issued.url} />
      </dl>
      <p>{t('issuedUntil', { time: vietnamDateTime(issued.expiresAt) })}</p>
      <h3>{t('issuedSteps')}</h3>
      <ol>
        <li>{t('issuedStep1')}</li>
        <li>{t('issuedStep2')}</li>
        <li>{t('issuedStep3')}</li>
      </ol>
    </section>
  );
}
