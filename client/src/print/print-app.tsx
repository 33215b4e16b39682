import { Route, Switch } from 'wouter';
import NotFoundPage from '../app/not-found-page.tsx';
import { CounterPosterPage } from './counter-poster-page.tsx';
import { ReceiptSheetPage } from './receipt-sheet-page.tsx';
import './print.css';

/** Routes under /print (nested router: paths are relative): sheets staff print. Lazy, never on a citizen's route. */
export default function PrintApp() {
  return (
    <Switch>
      <Route path="/receipts" component={ReceiptSheetPage} />
      <Route path="/counter/:code">{(params) => <CounterPosterPage unitCode={params.code} />}</Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
