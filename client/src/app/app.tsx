import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { commonStrings } from '../lib/i18n.ts';
import { Loading } from '../lib/load-error.tsx';
import { useTranslate } from '../lib/locale-context.tsx';
import { SiteFooter, SiteHeader } from './site-header.tsx';

// Each page is its own chunk: a respondent never downloads the admin code, and vice versa. The entry keeps
// only what every page needs (React, router, header), so a respondent on a phone loads little before /s/:code.
const QuestionnairePage = lazy(() => import('../questionnaire/questionnaire-page.tsx'));
const AdminApp = lazy(() => import('../admin/admin-app.tsx'));
const LandingPage = lazy(() => import('./landing-page.tsx'));
const NotFoundPage = lazy(() => import('./not-found-page.tsx'));
const KioskPage = lazy(() => import('../kiosk/kiosk-page.tsx'));
const ReceiptPage = lazy(() => import('../receipt/receipt-page.tsx'));
const PrintApp = lazy(() => import('../print/print-app.tsx'));

export function App() {
  const t = useTranslate(commonStrings);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Switch>
            <Route path="/" component={LandingPage} />
            <Route path="/s/:unitCode">{(params) => <QuestionnairePage unitCode={params.unitCode} />}</Route>
            <Route path="/kiosk" component={KioskPage} />
            <Route path="/r/:token">{(params) => <ReceiptPage key={params.token} token={params.token} />}</Route>
            <Route path="/print" nest>
              <PrintApp />
            </Route>
            <Route path="/admin" nest>
              <AdminApp />
            </Route>
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Suspense>
      </main>
      <SiteFooter />
    </>
  );
}

function PageLoading() {
  return (
    <div className="page page--narrow">
      <Loading />
    </div>
  );
}
