import { Route, Switch } from 'wouter';
import { UnitResultsPage } from './unit-results-page.tsx';
import { UnitsPage } from './units-page.tsx';
import './admin.css';

/** Routes under /admin (nested router: paths are relative). Loaded lazily, never by the questionnaire. */
export default function AdminApp() {
  return (
    <Switch>
      <Route path="/" component={UnitsPage} />
      <Route path="/units/:code">{(params) => <UnitResultsPage code={params.code} />}</Route>
      <Route>
        <UnitResultsPage code="" />
      </Route>
    </Switch>
  );
}
