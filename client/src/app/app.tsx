import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { commonStrings } from '../lib/i18n.ts';
import { useTranslate } from '../lib/locale-context.tsx';
import { LandingPage } from './landing-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { SiteFooter, SiteHeader } from './site-header.tsx';

// Each area is its own chunk: a respondent never downloads the admin code, and vice versa.
const QuestionnairePage = lazy(() => import('../questionnaire/questionnaire-page.tsx'));
const AdminApp = lazy(() => import('../admin/admin-app.tsx'));

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
  const t = useTranslate(commonStrings);
  return (
    <div className="page page--narrow">
      <p className="loading" role="status">
        {t('loading')}
      </p>
    </div>
  );
}
