import { Link } from 'wouter';
import { commonStrings } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';

export function SiteHeader() {
  const { locale, setLocale } = useLocale();
  const t = useTranslate(commonStrings);
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          <span className="site-header__mark" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="28" height="28" focusable="false">
              <circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M7 12.5l3.2 3.2L17.5 8.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </span>
          <span className="site-header__text">
            <span className="site-header__name">{t('siteName')}</span>
            <span className="site-header__tagline">{t('siteTagline')}</span>
          </span>
        </Link>
        {/* Named in the language it switches to, and marked as such for screen readers. */}
        <button type="button" className="lang-switch" lang={other} onClick={() => setLocale(other)}>
          {t('switchToOther')}
        </button>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const t = useTranslate(commonStrings);
  return (
    <footer className="site-footer">
      <p>{t('footer')}</p>
    </footer>
  );
}
