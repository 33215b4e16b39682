import type { CreatedTokenKey, TokenKey } from '@sipas/server/api/management';
import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { commonStrings, unitName } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { ActionFeedback } from './action-feedback.tsx';
import { actionErrorText } from './action-error.ts';
import { CopyField } from './copy-field.tsx';
import { fieldText, HintedField, ManagementForm } from './management-form.tsx';
import { createTokenKey, revokeTokenKey, useTokenKeys } from './management.api.ts';
import { managementStrings } from './management.strings.ts';
import { UnitScopeForm, useScopedUnit } from './unit-scope.tsx';
import { vietnamDateTime } from './vietnam-time.ts';
import './management.css';
import { ScrollTable } from '../scroll-table.tsx';

/** /admin/token-keys: the receipt-token keys of a unit's subtree; create (secret shown once), revoke. */
export function TokenKeysPage() {
  const t = useTranslate(managementStrings);
  const [unit, setUnit] = useScopedUnit();
  return (
    <div className="page page--wide admin management">
      <title>{t('keysTitle')}</title>
      <h1>{t('keysTitle')}</h1>
      <p className="lead">{t('keysIntro')}</p>
      <UnitScopeForm unit={unit} onChange={setUnit} />
      {unit === '' ? <p>{t('unitChoose')}</p> : <KeysOfUnit key={unit} unit={unit} />}
    </div>
  );
}

function KeysOfUnit({ unit }: { unit: string }) {
  const t = useTranslate(managementStrings);
  const tc = useTranslate(commonStrings);
  const { locale } = useLocale();
  const keys = useTokenKeys(unit);
  const [created, setCreated] = useState<CreatedTokenKey | null>(null);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState('');

  const revoke = async (key: TokenKey) => {
    if (!window.confirm(t('confirmRevokeKey', { keyId: key.keyId }))) return;
    setActionError('');
    try {
      await revokeTokenKey(key.keyId);
      if (created?.keyId === key.keyId) setCreated(null);
      setNotice(t('keyRevoked', { keyId: key.keyId }));
      keys.reload();
    } catch (error) {
      setActionError(actionErrorText(error, t, tc));
    }
  };

  if (keys.status === 'loading') return <Loading />;
  if (keys.status === 'error') return <LoadError error={keys.error} onRetry={keys.reload} />;
  const list = keys.data.keys;
  return (
    <>
      <p className="management-scope">{t('unitScope', { name: unitName(keys.data.unit, locale), code: keys.data.unit.code })}</p>
      <CreateKeyForm
        unit={keys.data.unit.code}
        onCreated={(key) => {
          setNotice('');
          setCreated(key);
          keys.reload();
        }}
      />
      {created && <CreatedKeyPanel created={created} onDone={() => setCreated(null)} />}
      <ActionFeedback notice={notice} error={actionError} />
      <ScrollTable caption={t('keysCaption', { count: formatNumber(list.length) })} className="management-table">
        <thead>
          <tr>
            <th scope="col">{t('colKeyId')}</th>
            <th scope="col">{t('colUnit')}</th>
            <th scope="col">{t('colLabel')}</th>
            <th scope="col">{t('colCreated')}</th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((key) => (
            <tr key={key.keyId}>
              <th scope="row">
                <code>{key.keyId}</code>
              </th>
              <td>
                {unitName(key.unit, locale)} <span className="unit-code">({key.unit.code})</span>
              </td>
              <td>{key.label ?? '—'}</td>
              <td>{vietnamDateTime(key.createdAt)}</td>
              <td>
                {key.revokedAt ? (
                  <span className="status-badge kiosk-status--revoked">{t('revokedOn', { time: vietnamDateTime(key.revokedAt) })}</span>
                ) : (
                  <span className="status-badge kiosk-status--ok">{t('inUse')}</span>
                )}
              </td>
              <td>
                {!key.revokedAt && (
                  <button type="button" className="button button--danger button--small" aria-label={t('revokeKeyLabel', { keyId: key.keyId })} onClick={() => void revoke(key)}>
                    {t('revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
          {list.length === 0 && (
            <tr>
              <td colSpan={6}>{t('noKeys')}</td>
            </tr>
          )}
        </tbody>
      </ScrollTable>
      <p className="field__hint">{t('lastUsedUnknown')}</p>
    </>
  );
}

function CreateKeyForm({ unit, onCreated }: { unit: string; onCreated: (key: CreatedTokenKey) => void }) {
  const t = useTranslate(managementStrings);
  return (
    <ManagementForm
      title={t('createKeyTitle')}
      submitLabel={t('createKey')}
      onSubmit={async (data) => {
        const label = fieldText(data, 'label');
        onCreated(await createTokenKey({ unit, ...(label ? { label } : {}) }));
      }}
    >
      <HintedField name="label" label={t('keyLabel')} hint={t('keyLabelHint')} maxLength={100} />
    </ManagementForm>
  );
}

/** The API key and the secret, this once, with copy buttons and the warning; focused when it appears. */
function CreatedKeyPanel({ created, onDone }: { created: CreatedTokenKey; onDone: () => void }) {
  const t = useTranslate(managementStrings);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created]);
  return (
    <section className="notice notice--warning management-once" aria-labelledby="created-key-title">
      <h2 id="created-key-title" ref={heading} tabIndex={-1}>
        {t('createdTitle', { keyId: created.keyId })}
      </h2>
      <p>
        <strong>{t('createdWarning')}</strong>
      </p>
      <dl className="secret-fields">
        <CopyField label={t('createdKeyId')} value={created.keyId} />
        <CopyField label={t('createdApiKey')} value={created.apiKey} hint={t('createdApiKeyHint')} />
        <CopyField label={t('createdSecret')} value={created.secret} hint={t('createdSecretHint')} />
      </dl>
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('createdDone')}
      </button>
    </section>
  );
}
