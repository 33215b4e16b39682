import { Route, Switch } from 'wouter';
import { AdminNav } from './admin-nav.tsx';
import { SurveyVersionPage } from './survey-version-page.tsx';
import { SurveysPage } from './surveys-page.tsx';
import { UnitResultsPage } from './unit-results-page.tsx';
import { UnitsPage } from './units-page.tsx';
import './admin.css';

/** Routes under /admin (nested router: paths are relative). Loaded lazily, never by the questionnaire. */
export default function AdminApp() {
  return (
    <>
      <AdminNav />
      <Switch>
        <Route path="/" component={UnitsPage} />
        <Route path="/units/:code">{(params) => <UnitResultsPage code={params.code} />}</Route>
        <Route path="/surveys" component={SurveysPage} />
        <Route path="/surveys/:key/:version">
          {(params) => <SurveyVersionPage surveyKey={params.key} version={params.version} />}
        </Route>
        <Route>
          <UnitResultsPage code="" />
        </Route>
      </Switch>
    </>
  );
}
