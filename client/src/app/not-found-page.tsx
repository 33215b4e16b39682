import { Link } from 'wouter';
import type { Dictionary } from '../lib/i18n.ts';
import { useTranslate } from '../lib/locale-context.tsx';

const strings: Dictionary<'pageNotFound' | 'pageNotFoundText' | 'home'> = {
  vi: {
    pageNotFound: 'Không tìm thấy trang',
    pageNotFoundText: 'Địa chỉ này không tồn tại. Vui lòng kiểm tra lại đường dẫn.',
    home: 'Trang chủ',
  },
  en: {
    pageNotFound: 'Page not found',
    pageNotFoundText: 'This address does not exist. Please check the link.',
    home: 'Home',
  },
};

export default function NotFoundPage() {
  const t = useTranslate(strings);
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
