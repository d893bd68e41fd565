import type { FirstSeenDates } from '../../../app/first-seen-dates';
import { localDate } from '../../../domain/calendar/zoned-time';
import type { Person } from '../../../domain/people/person';
import { ROLES, type Role } from '../../../domain/people/role';
import type { Clock } from '../../../ports/clock.port';
import type { Directory } from '../../../ports/directory.port';
import type { RoleGroupFacts, RoleGroups } from '../../../ports/role-groups.port';
import { graphStatus, unavailable, type GraphApi } from '../graph-api';

interface GraphUser {
  id: string;
  displayName?: string;
  mail?: string | null;
  accountEnabled?: boolean;
  /** Returned only when asked for with $select (Graph user resource: https://learn.microsoft.com/graph/api/resources/user). */
  employeeHireDate?: string | null;
}

interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Graph's OData casts on transitive memberships are advanced queries. */
const ADVANCED_QUERY = { ConsistencyLevel: 'eventual' };
/** The longest the app acts on roles read from Entra ID, whatever else it learns. */
const KEEP_MS = 5 * 60_000;
/** How often, while in use, it asks Entra ID whether any role group's members changed. */
const CHECK_MS = 60_000;

/**
 * People and roles from Microsoft Entra ID: each role is a security group (nested groups count),
 * and a person's id is their Entra object id. The members of the role groups are read together
 * (one call per group and page) and kept for at most five minutes, so a burst of clicks is not a
 * burst of Graph calls. While they are kept, one delta query a minute on the role groups
 * (`GET /groups/delta` with `$select=members`, https://learn.microsoft.com/graph/api/group-delta)
 * says whether anyone was added to or removed from one of them: if so they are read again, so
 * that change shows within a minute. A change inside a nested group, or an account disabled,
 * shows within the five minutes. Disabled accounts hold no role.
 * A person's first day is their hire date in Entra ID (`employeeHireDate`, read with the
 * User.Read.All the app already has), or else the day they first appeared to the app.
 */
export class EntraDirectory implements Directory, RoleGroups {
  private snapshot: { people: Map<string, Person>; loadedAt: number; checkedAt: number } | undefined;
  private loading: Promise<Map<string, Person>> | undefined;
  private checking: Promise<boolean> | undefined;
  /** Where the next delta query starts: the `@odata.deltaLink` of the last one. */
  private deltaLink: string | undefined;

  constructor(
    private readonly graph: GraphApi,
    private readonly roleGroups: Partial<Record<Role, string>>,
    private readonly clock: Clock,
    private readonly firstSeen?: FirstSeenDates,
  ) {}

  async byId(personId: string): Promise<Person | undefined> {
    return (await this.people()).get(personId);
  }

  byAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    return this.byId(aadObjectId);
  }

  async holdersOf(role: Role): Promise<Person[]> {
    return [...(await this.people()).values()].filter((person) => person.roles.includes(role));
  }

  async everyone(): Promise<Person[]> {
    return [...(await this.people()).values()];
  }

  /** A role group's name and how many enabled people are in it (for the go-live checklist), read fresh. */
  async describe(groupId: string): Promise<RoleGroupFacts | undefined> {
    let group: { displayName?: string | null };
    try {
      group = await this.graph.get<{ displayName?: string | null }>(`/groups/${encodeURIComponent(groupId)}?$select=id,displayName`);
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw unavailable(error);
    }
    const members = await this.members(groupId, `the group "${group.displayName ?? ''}"`);
    return { displayName: group.displayName ?? groupId, people: members.filter((user) => user.accountEnabled !== false).length };
  }

  private async people(): Promise<Map<string, Person>> {
    const now = this.clock.now().getTime();
    const kept = this.snapshot;
    if (kept && now - kept.loadedAt < KEEP_MS) {
      if (now - kept.checkedAt < CHECK_MS) return kept.people;
      // One check at a time: clicks arriving together share it.
      this.checking ??= this.rolesChanged().finally(() => (this.checking = undefined));
      if (!(await this.checking)) {
        kept.checkedAt = now;
        return kept.people;
      }
    }
    // One load at a time: clicks arriving together share it.
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<Map<string, Person>> {
    // Changes are tracked from before the members are read, so none made meanwhile is missed.
    await this.trackChanges().catch(() => (this.deltaLink = undefined));
    const people = new Map<string, Person>();
    for (const role of ROLES) {
      const groupId = this.roleGroups[role];
      if (!groupId) continue;
      for (const user of await this.members(groupId, `the ${role} group`)) {
        if (user.accountEnabled === false) continue;
        const hired = hiredOn(user.employeeHireDate);
        const person = people.get(user.id) ?? {
          id: user.id,
          aadObjectId: user.id,
          displayName: user.displayName ?? 'Unknown',
          roles: [],
          ...(user.mail ? { email: user.mail } : {}),
          ...(hired ? { startedOn: hired } : {}),
        };
        person.roles.push(role);
        people.set(user.id, person);
      }
    }
    if (this.firstSeen) {
      const undated = [...people.values()].filter((person) => !person.startedOn);
      const seen = await this.firstSeen.of(
        undated.map((person) => person.id),
        localDate(this.clock.now()),
      );
      for (const person of undated) if (seen.has(person.id)) person.startedOn = seen.get(person.id)!;
    }
    const now = this.clock.now().getTime();
    this.snapshot = { people, loadedAt: now, checkedAt: now };
    return people;
  }

  /** Starts tracking the role groups' members: reads their state to now, and keeps where to go on from. */
  private async trackChanges(): Promise<void> {
    const groups = [...new Set(Object.values(this.roleGroups))].filter((id): id is string => Boolean(id));
    const filter = groups.map((id) => `id eq '${id.replace(/'/g, "''")}'`).join(' or ');
    await this.followDelta(`/groups/delta?$select=members&$filter=${encodeURIComponent(filter)}`);
  }

  /** Whether any role group's direct members changed since the last delta query; when unsure, yes. */
  private async rolesChanged(): Promise<boolean> {
    const link = this.deltaLink && this.graph.pathFromNextLink(this.deltaLink);
    if (!link) return true;
    try {
      return (await this.followDelta(link)) > 0;
    } catch {
      // An expired token (410 Gone) or any failure: read the members again.
      this.deltaLink = undefined;
      return true;
    }
  }

  /** Follows a round of delta pages to its `@odata.deltaLink`; answers how many groups changed. */
  private async followDelta(start: string): Promise<number> {
    let changed = 0;
    let path: string | undefined = start;
    while (path) {
      const page: { value: unknown[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string } = await this.graph.get(path);
      changed += page.value.length;
      if (page['@odata.deltaLink']) this.deltaLink = page['@odata.deltaLink'];
      path = page['@odata.nextLink'] ? this.graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
    }
    return changed;
  }

  private async members(groupId: string, which: string): Promise<GraphUser[]> {
    const users: GraphUser[] = [];
    let path: string | undefined =
      `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=id,displayName,mail,accountEnabled,employeeHireDate&$count=true&$top=999`;
    try {
      while (path) {
        const page: GraphPage<GraphUser> = await this.graph.get<GraphPage<GraphUser>>(path, ADVANCED_QUERY);
        users.push(...page.value);
        path = page['@odata.nextLink'] ? this.graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
      }
    } catch (error) {
      const failure = unavailable(error);
      if (failure instanceof Error) failure.message = `${failure.message} (${which}, ${groupId})`;
      throw failure;
    }
    return users;
  }
}

/** The hire date as a school date (Europe/London), or undefined when unset or unreadable. */
function hiredOn(value: string | null | undefined): string | undefined {
  const at = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : localDate(new Date(at));
}
