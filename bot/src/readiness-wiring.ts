import type { ReadinessChecks } from './app/readiness/check-readiness';
import { jobsCheck, recordsSiteCheck, workingSiteCheck } from './app/readiness/site-checks';
import { schoolSchedules } from './domain/jobs/schedule';
import { GraphSiteInspector } from './adapters/graph/sharepoint/site-inspector';
import { credentialCheck, reachCheck, roleGroupsCheck, teamsAppCheck, type TeamsAppFacts } from './app/readiness/reach-checks';
import { checkPolicyRegister, checkSchool, checkTermDates, checkTrainingRequirements } from './app/readiness/settings-checks';
import { localDate } from './domain/calendar/zoned-time';
import { finding } from './domain/readiness/readiness';
import { ROLE_LABELS, ROLES_EVERY_SCHOOL_NEEDS } from './domain/people/role';
import { credentialFacts } from './adapters/graph/credentials/credential-facts';
import { EntraDirectory } from './adapters/graph/entra/entra-directory';
import type { GraphApi } from './adapters/graph/graph-api';
import type { Config } from './config';
import type { Clock } from './ports/clock.port';
import type { Directory } from './ports/directory.port';
import type { Stores } from './ports/stores.port';

export interface ReadinessContext {
  config: Config;
  stores: Stores;
  directory: Directory;
  clock: Clock;
  /** Microsoft Graph, when the records are on SharePoint. */
  graph?: GraphApi;
  /** The Teams app in the organisation's catalogue, as the server's links find it. */
  teamsApp?: TeamsAppFacts;
}

/**
 * The go-live checklist's checks for how this copy of the app runs, for the server
 * (`/api/readiness`, `/healthz?detail`) and for `npm run readiness`. Items about Microsoft 365
 * are left out when the records are in SQLite on this machine.
 */
export function readinessChecks({ config, stores, directory, clock, graph, teamsApp }: ReadinessContext): ReadinessChecks {
  const store = config.store;
  const sites = graph && store.kind === 'sharepoint' ? new GraphSiteInspector(graph, store.sites, store.clientId) : undefined;
  const today = () => localDate(clock.now());
  return {
    ...(graph && store.kind === 'sharepoint'
      ? { credential: () => credentialCheck(credentialFacts(store.credential, graph.signIn, clock.now())) }
      : {}),
    ...(sites ? { 'working-site': () => workingSiteCheck(sites), 'records-site': () => recordsSiteCheck(sites) } : {}),
    jobs: () => jobsCheck(stores.jobRuns, schoolSchedules(config.reminders.at), clock),
    'role-groups': async () => {
      if (directory instanceof EntraDirectory && config.directory.kind === 'entra')
        return roleGroupsCheck(config.directory.roleGroups, directory);
      // Without Entra groups the app's People list says who holds each role.
      const people = await directory.everyone();
      const missing = ROLES_EVERY_SCHOOL_NEEDS.filter((role) => !people.some((person) => person.roles.includes(role))).map(
        (role) => ROLE_LABELS[role],
      );
      const found = `Roles come from the app's People list (${people.length} people), not from Entra ID groups.`;
      return missing.length
        ? finding(
            'role-groups',
            'red',
            `${found} Nobody holds: ${missing.join(', ')}.`,
            'Give each of these roles to someone in the People list, or set the ROLE_GROUP_<ROLE> settings to Entra ID groups.',
          )
        : finding('role-groups', 'green', found);
    },
    reach: () => reachCheck({ directory, stores, now: clock.now() }),
    // In Teams, or wherever a Teams app id is set (a rehearsal on this machine).
    ...(teamsApp && (config.mode === 'teams' || config.teamsAppId) ? { 'teams-app': () => teamsAppCheck(teamsApp) } : {}),
    school: () => checkSchool(stores, today()),
    'policy-register': () => checkPolicyRegister(stores, today()),
    'term-dates': () => checkTermDates(stores, today()),
    'training-requirements': () => checkTrainingRequirements(stores, today()),
  };
}
