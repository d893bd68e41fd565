import 'virtual:teams-light-theme.css';
import { askEarly, credentialsFor } from './early';
import { preloadPage } from './pages';
import { startTeams } from './teams';
import { openedFrom } from './views';

// This first script is small, so that four things start together instead of one after another:
// the page the link names (inside Teams, the static tab's `?view=`), the shell (React, Fluent UI,
// the navigation), inside Teams only teams-js, and (once the person's credentials are known) the
// person's `/api/me` and the page's first data (early.ts, early-data.ts).
const opened = openedFrom(window.location.search);
preloadPage(opened.view);
const host = startTeams();
askEarly(
  opened.view,
  host.then((started) => credentialsFor(started, sessionStorage.getItem('persona') ?? undefined)),
  host.then((started) => !opened.id && !started.subPageId),
);
void import('./shell').then(async ({ showTab }) => showTab(await host));
