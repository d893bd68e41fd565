import { daysBetween, longDate } from '../../domain/calendar/dates';
import { localDate } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS, ROLES, ROLES_EVERY_SCHOOL_NEEDS, type Role } from '../../domain/people/role';
import { finding, type ReadinessItem } from '../../domain/readiness/readiness';
import type { Directory } from '../../ports/directory.port';
import type { RoleGroups } from '../../ports/role-groups.port';
import type { Stores } from '../../ports/stores.port';
import type { CatalogueApp, InstallFailure } from '../../ports/teams-apps.port';
import { readAll } from '../read-all';
import { personalConversation } from '../reach/personal-conversation';

/**
 * The go-live checklist's items about reaching Microsoft 365 and people: how the app signs in to
 * Graph, each role's group, who the bot can message, and the Teams app in the catalogue. Each
 * takes what it reads as parameters; main.ts wires them.
 */

const GUIDE = 'docs/credentials-and-reach.md';

export interface CredentialFacts {
  kind: 'managedIdentity' | 'certificate' | 'secret';
  /** A certificate's end (from its file); a secret's, when GRAPH_CLIENT_SECRET_EXPIRES_ON says. */
  expiresOn?: Date;
  /** Gets a token now: proves the credential works. */
  probe(): Promise<unknown>;
  now: Date;
}

/** Amber within 30 days of the end, red within 7 (or after it). */
export async function credentialCheck(facts: CredentialFacts): Promise<ReadinessItem> {
  const failure = await facts.probe().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  if (facts.kind === 'managedIdentity') {
    if (failure)
      return finding(
        'credential',
        'red',
        `The app's managed identity could not sign in to Microsoft Graph: ${failure}`,
        `Add the federated credential that trusts the App Service's managed identity to the app registration (${GUIDE}, "Managed identity").`,
      );
    return finding(
      'credential',
      'green',
      'The app signs in with its Azure managed identity, trusted by a federated credential: no secret is stored and nothing expires.',
    );
  }
  const what = facts.kind === 'certificate' ? 'a certificate' : 'a client secret';
  const move =
    facts.kind === 'certificate'
      ? `Upload a new certificate to the app registration, switch GRAPH_CERTIFICATE_PATH to it, then remove the old one (${GUIDE}).`
      : `Move to the managed identity (in Azure) or a certificate; a secret is for a developer's own tenant only (${GUIDE}).`;
  if (failure) return finding('credential', 'red', `The app signs in with ${what}, which Microsoft Entra ID refused: ${failure}`, move);
  if (!facts.expiresOn) {
    return finding(
      'credential',
      'amber',
      facts.kind === 'certificate'
        ? 'The app signs in with a certificate: its expiry is unknown (the file holds only the private key).'
        : 'The app signs in with a client secret: expiry unknown.',
      facts.kind === 'certificate' ? `Put the certificate in the same PEM file as its key so its expiry can be checked (${GUIDE}).` : move,
    );
  }
  const ends = localDate(facts.expiresOn);
  const daysLeft = daysBetween(localDate(facts.now), ends);
  const found =
    daysLeft < 0
      ? `The app signs in with ${what}, which expired on ${longDate(ends)}.`
      : `The app signs in with ${what}, which expires on ${longDate(ends)} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'}).`;
  if (daysLeft <= 7) return finding('credential', 'red', found, move);
  if (daysLeft <= 30 || facts.kind === 'secret') return finding('credential', 'amber', found, move);
  return finding('credential', 'green', found);
}

/** Each configured role's group resolves; the roles every school needs must have people in them. */
export async function roleGroupsCheck(roleGroups: Partial<Record<Role, string>>, groups: RoleGroups): Promise<ReadinessItem> {
  const lines: string[] = [];
  const red: string[] = [];
  const amber: string[] = [];
  for (const role of ROLES) {
    const groupId = roleGroups[role];
    const label = ROLE_LABELS[role];
    if (!groupId) {
      if (ROLES_EVERY_SCHOOL_NEEDS.includes(role)) red.push(`${label}: no group is set`);
      continue;
    }
    const group = await groups.describe(groupId);
    if (!group) {
      red.push(`${label}: no group has the id ${groupId}`);
      continue;
    }
    lines.push(`${label}: "${group.displayName}", ${group.people} ${group.people === 1 ? 'person' : 'people'}`);
    if (group.people === 0)
      (ROLES_EVERY_SCHOOL_NEEDS.includes(role) ? red : amber).push(`${label}: the group "${group.displayName}" is empty`);
  }
  const found = [...red, ...amber, ...lines].join('; ') + '.';
  if (red.length)
    return finding(
      'role-groups',
      'red',
      found,
      'Put the right people in each group (staff, online safety lead, headteacher and ICT technician at least) and set its object id in ROLE_GROUP_<ROLE>.',
    );
  if (amber.length)
    return finding(
      'role-groups',
      'amber',
      found,
      'Add people to the empty groups, or clear their ROLE_GROUP_<ROLE> setting if the school does not use the role.',
    );
  return finding('role-groups', 'green', found);
}

export interface ReachFacts {
  directory: Directory;
  stores: Pick<Stores, 'conversations' | 'appInstallations' | 'outbox'>;
  now: Date;
}

const WHY: Record<InstallFailure | 'notInstalled' | 'blocked', string> = {
  notInstalled: 'has not opened the app yet',
  blocked: 'has blocked or removed the app',
  noSuchPerson: 'is not in Microsoft Entra ID any more',
  notAllowed: 'the app may not install itself: admin consent is missing',
  appNotFound: "the app is not in the organisation's catalogue",
  throttled: 'Microsoft 365 was busy; tried again tomorrow',
  unavailable: 'Microsoft 365 could not be reached; tried again tomorrow',
  refused: 'Microsoft 365 refused to install it',
};
const BLOCKED_WITHIN_DAYS = 30;
const NAMES_SHOWN = 30;

/**
 * Who the bot can message: staff, governors and role holders, counted; the staff it cannot reach
 * are named with the reason (governors who are not staff are counted, not named). Red when a role
 * has holders and none of them can be reached: what goes to that role would reach nobody.
 */
export async function reachCheck({ directory, stores, now }: ReachFacts): Promise<ReadinessItem> {
  const people = await directory.everyone();
  const blockedSince = new Date(now.getTime() - BLOCKED_WITHIN_DAYS * 86_400_000).toISOString();
  const blocked = new Set(
    (await readAll((cursor) => stores.outbox.find({ where: { status: 'blocked' }, limit: 500, ...(cursor ? { cursor } : {}) })))
      .filter((entry) => entry.updatedAt >= blockedSince)
      .map((entry) => entry.personId),
  );
  const unreachable = new Map<string, string>();
  for (const person of people) {
    const why = await whyUnreachable(person, stores, blocked);
    if (why) unreachable.set(person.id, why);
  }
  const reachable = (group: Person[]) => `${group.filter((person) => !unreachable.has(person.id)).length} of ${group.length}`;
  const staff = people.filter((person) => person.roles.includes('staff'));
  const governors = people.filter((person) => person.roles.includes('governor') || person.roles.includes('chairOfGovernors'));
  const holders = people.filter((person) => person.roles.some((role) => role !== 'staff' && role !== 'governor'));
  const summary = `The bot can message ${reachable(staff)} staff, ${reachable(governors)} governors and ${reachable(holders)} people holding a role.`;
  const silentRoles = ROLES.filter((role) => role !== 'staff' && role !== 'governor').filter((role) => {
    const holding = people.filter((person) => person.roles.includes(role));
    return holding.length > 0 && holding.every((person) => unreachable.has(person.id));
  });
  if (unreachable.size === 0) return finding('reach', 'green', summary);
  const named = staff
    .filter((person) => unreachable.has(person.id))
    .map((person) => `${person.displayName} (${unreachable.get(person.id)})`);
  const otherCount = [...unreachable.keys()].filter((id) => !staff.some((person) => person.id === id)).length;
  const found = [
    summary,
    ...(silentRoles.length ? [`Nobody can be reached who is: ${silentRoles.map((role) => ROLE_LABELS[role]).join(', ')}.`] : []),
    ...(named.length
      ? [
          `Staff it cannot reach: ${named.slice(0, NAMES_SHOWN).join(', ')}${named.length > NAMES_SHOWN ? ` and ${named.length - NAMES_SHOWN} more` : ''}.`,
        ]
      : []),
    ...(otherCount
      ? [
          otherCount === 1
            ? '1 governor who is not on the staff cannot be reached.'
            : `${otherCount} governors who are not on the staff cannot be reached.`,
        ]
      : []),
  ].join(' ');
  const fix = [...unreachable.values()].includes(WHY.notAllowed)
    ? 'Grant admin consent for TeamsAppInstallation.ReadWriteSelfForUser.All so the app can install itself, or pin it for all staff with a Teams app setup policy.'
    : 'Pin the app for all staff and governors with a Teams app setup policy (Teams admin centre), or ask them to open Online Safety Desk in Teams once.';
  return finding('reach', silentRoles.length ? 'red' : 'amber', found, fix);
}

async function whyUnreachable(person: Person, stores: ReachFacts['stores'], blocked: Set<string>): Promise<string | undefined> {
  if (blocked.has(person.id)) return WHY.blocked;
  if (await personalConversation(stores, person.aadObjectId)) return undefined;
  const installation = person.aadObjectId
    ? (await stores.appInstallations.find({ where: { aadObjectId: person.aadObjectId }, limit: 1 })).items[0]
    : undefined;
  return installation?.reason ? WHY[installation.reason] : WHY.notInstalled;
}

export interface TeamsAppFacts {
  /** TEAMS_APP_ID. */
  manifestId: string | undefined;
  /** Whether the catalogue can be asked (Graph is there). */
  canLookUp: boolean;
  current(): Promise<CatalogueApp | undefined>;
}

/** The catalogue id the links use resolves to the app, published and approved. */
export async function teamsAppCheck(app: TeamsAppFacts): Promise<ReadinessItem> {
  if (!app.manifestId)
    return finding(
      'teams-app',
      'amber',
      'TEAMS_APP_ID is not set: links open the tab on the web and the app cannot install itself for staff.',
      "Set TEAMS_APP_ID to the app manifest's id (written by `atk provision`).",
    );
  if (!app.canLookUp)
    return finding(
      'teams-app',
      'amber',
      `Links use the manifest id ${app.manifestId}, which opens the app only where it was uploaded by hand: the catalogue cannot be read without Microsoft Graph.`,
      'Keep the records on SharePoint (STORE=sharepoint) so the app can find its catalogue id, or upload the app for each person.',
    );
  const found = await app.current();
  const publish =
    'Publish the app (`atk publish`) and approve it in the Teams admin centre (Teams apps → Manage apps); Microsoft Graph lists it 24 to 48 hours later.';
  if (!found)
    return finding(
      'teams-app',
      'red',
      `The organisation's Teams app catalogue does not list the app (manifest id ${app.manifestId}): links open the tab on the web and the app cannot install itself for staff.`,
      publish,
    );
  const listed = `"${found.displayName}" is in the catalogue as ${found.catalogueId}${found.version ? `, version ${found.version}` : ''} (${found.distributionMethod === 'store' ? 'from the Teams Store' : 'published to the organisation'}); links into Teams use this id.`;
  if (found.publishingState && found.publishingState !== 'published')
    return finding(
      'teams-app',
      'amber',
      `${listed} It is ${found.publishingState === 'submitted' ? "waiting for a Teams administrator's approval" : found.publishingState}.`,
      publish,
    );
  return finding('teams-app', 'green', listed);
}
