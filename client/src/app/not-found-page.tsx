import { Link } from 'wouter';
import { commonStrings } from '../lib/i18n.ts';
import { useTranslate } from '../lib/locale-context.tsx';

export function NotFoundPage() {
  const t = useTranslate(commonStrings);
  return (
    <div className="page page--narrow">
      <title>{t('pageNotFound')}</title>
      <h1>{t('pageNotFound')}</h1>
      <p>{t('pageNotFoundText')}</p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
