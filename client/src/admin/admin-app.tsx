import { Route, Switch } from 'wouter';
import { AdminNav } from './admin-nav.tsx';
import { SessionGate } from './auth/session-gate.tsx';
import { USERS_PATH } from './auth/users-nav.ts';
import { UsersPage } from './auth/users-page.tsx';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { ImportsPage } from './management/imports-page.tsx';
import { KiosksPage } from './management/kiosks-page.tsx';
import { MANAGEMENT_PATHS } from './management/management-nav.ts';
import { TokenKeysPage } from './management/token-keys-page.tsx';
import { SurveyVersionPage } from './survey-version-page.tsx';
import { SurveysPage } from './surveys-page.tsx';
import { ReportPage } from './report/report-page.tsx';
import { UnitsPage } from './units-page.tsx';
import './admin.css';

/** Routes under /admin (nested router: paths are relative). Loaded lazily, never by the questionnaire. */
export default function AdminApp() {
  return (
    <SessionGate>
      <AdminNav />
      <Switch>
        <Route path="/" component={UnitsPage} />
        <Route path="/units/:code">{(params) => <DashboardPage code={params.code} />}</Route>
        <Route path="/units/:code/report">{(params) => <ReportPage code={params.code} />}</Route>
        <Route path="/surveys" component={SurveysPage} />
        <Route path="/surveys/:key/:version">
          {(params) => <SurveyVersionPage surveyKey={params.key} version={params.version} />}
        </Route>
        <Route path={MANAGEMENT_PATHS.kiosks} component={KiosksPage} />
        <Route path={MANAGEMENT_PATHS.tokenKeys} component={TokenKeysPage} />
        <Route path={MANAGEMENT_PATHS.imports} component={ImportsPage} />
        <Route path={USERS_PATH} component={UsersPage} />
        <Route>
          <DashboardPage code="" />
        </Route>
      </Switch>
    </SessionGate>
  );
}
