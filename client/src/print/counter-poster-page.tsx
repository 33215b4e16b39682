import { useEffect, useState } from 'react';
import type { Unit } from '@sipas/server/api/units';
import { isNotFound, ApiRequestError, segment } from '../lib/api.ts';
import { LoadError, Loading } from '../lib/load-error.tsx';
import { useTranslate } from '../lib/locale-context.tsx';
import { printStrings } from './print.strings.ts';
import { fetchUnit } from './unit.api.ts';

/**
 * /print/counter/:code: the unit's permanent counter poster (A4). The QR code is the server's, pointing at
 * the unit's open questionnaire marked `channel=counter`; the poster is in Vietnamese and English at once.
 */
export function CounterPosterPage({ unitCode }: { unitCode: string }) {
  const t = useTranslate(printStrings);
  const unit = usePosterUnit(unitCode);

  if (unit.status === 'loading') {
    return (
      <div className="page page--narrow">
        <Loading />
      </div>
    );
  }
  if (unit.status === 'error') {
    const unknown = isNotFound(unit.error) || (unit.error instanceof ApiRequestError && unit.error.status === 400);
    return (
      <div className="page page--narrow">
        {unknown ? (
          <div className="card">
            <title>{t('unitNotFound')}</title>
            <h1>{t('unitNotFound')}</h1>
            <p>{t('unitNotFoundText', { code: unitCode })}</p>
          </div>
        ) : (
          <LoadError error={unit.error} onRetry={unit.reload} />
        )}
      </div>
    );
  }

  const { fullNameVi, nameEn } = unit.data;
  return (
    <div className="page page--narrow print-page">
      <title>{t('posterDocTitle', { unit: fullNameVi })}</title>
      <div className="print-toolbar no-print">
        <p>{t('posterHint')}</p>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('printPoster')}
        </button>
      </div>
      <article className="poster" lang="vi" aria-labelledby="poster-unit">
        <p className="poster__kicker">
          Khảo sát sự hài lòng <span lang="en">· Satisfaction survey</span>
        </p>
        <h1 className="poster__unit" id="poster-unit">
          {fullNameVi}
        </h1>
        {nameEn && (
          <p className="poster__unit-en" lang="en">
            {nameEn}
          </p>
        )}
        <img
          className="poster__qr"
          src={`/api/units/${segment(unit.data.code)}/counter-qr.svg`}
          alt={t('posterQrAlt', { unit: fullNameVi })}
        />
        <p className="poster__invite">Quét mã để đánh giá sự hài lòng về sự phục vụ của chúng tôi</p>
        <p className="poster__invite-en" lang="en">
          Scan the code to tell us how satisfied you are with our service
        </p>
        <ol className="poster__steps">
          <li>
            Mở máy ảnh của điện thoại và hướng vào mã <span lang="en">· Open your phone’s camera and point it at the code</span>
          </li>
          <li>
            Trả lời phiếu khảo sát trong vài phút <span lang="en">· Answer the survey in a few minutes</span>
          </li>
          <li>
            Phiếu khảo sát ẩn danh <span lang="en">· The survey is anonymous</span>
          </li>
        </ol>
        <p className="poster__thanks">
          Xin cảm ơn! <span lang="en">· Thank you!</span>
        </p>
      </article>
    </div>
  );
}

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'success'; data: Unit };

/**
 * The unit, loaded here rather than with lib/use-resource: a print chunk that shared that module with the
 * questionnaire would split it out of the questionnaire's chunk and cost the /s/:unitCode budget a request.
 */
function usePosterUnit(code: string): Loaded & { reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded }>({ key: '', value: { status: 'loading' } });
  const key = `${code}#${attempt}`;
  useEffect(() => {
    const controller = new AbortController();
    fetchUnit(code, controller.signal).then(
      (data) => setLoaded({ key, value: { status: 'success', data } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key, value: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [code, key]);
  return { ...(loaded.key === key ? loaded.value : { status: 'loading' }), reload: () => setAttempt((n) => n + 1) };
}
