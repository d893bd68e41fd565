import type { Person } from '../../../domain/people/person';
import { ROLES, type Role } from '../../../domain/people/role';
import type { Clock } from '../../../ports/clock.port';
import type { Directory } from '../../../ports/directory.port';
import { graphStatus, unavailable, type GraphApi } from '../graph-api';

interface GraphUser {
  id: string;
  displayName?: string;
  mail?: string | null;
}

interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Graph's OData casts on transitive memberships are advanced queries. */
const ADVANCED_QUERY = { ConsistencyLevel: 'eventual' };
const CACHE_MS = 60_000;

/**
 * People and roles from Microsoft Entra ID: each role is a security group (nested groups count),
 * and a person's id is their Entra object id. Answers are cached briefly so a burst of card clicks
 * does not become a burst of Graph calls; a role change shows within a minute.
 */
export class EntraDirectory implements Directory {
  private readonly people = new Map<string, { person: Person | undefined; until: number }>();
  private readonly members = new Map<Role, { ids: string[]; until: number }>();

  constructor(
    private readonly graph: GraphApi,
    private readonly roleGroups: Partial<Record<Role, string>>,
    private readonly clock: Clock,
  ) {}

  byId(personId: string): Promise<Person | undefined> {
    return this.byAadObjectId(personId);
  }

  async byAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(aadObjectId)) return undefined;
    const cached = this.people.get(aadObjectId);
    if (cached && cached.until > this.now()) return cached.person;
    const person = await this.lookUp(aadObjectId);
    this.people.set(aadObjectId, { person, until: this.now() + CACHE_MS });
    return person;
  }

  async holdersOf(role: Role): Promise<Person[]> {
    const people = await Promise.all((await this.memberIds(role)).map((id) => this.byAadObjectId(id)));
    return people.filter((person): person is Person => person !== undefined && person.roles.includes(role));
  }

  async everyone(): Promise<Person[]> {
    const ids = new Set<string>();
    for (const role of ROLES) for (const id of await this.memberIds(role)) ids.add(id);
    const people = await Promise.all([...ids].map((id) => this.byAadObjectId(id)));
    return people.filter((person): person is Person => person !== undefined);
  }

  /** A user in none of the role groups is not a person of the app (→ "I don't know you yet"). */
  private async lookUp(aadObjectId: string): Promise<Person | undefined> {
    try {
      const user = await this.graph.get<GraphUser>(`/users/${aadObjectId}?$select=id,displayName,mail`);
      const groups = await this.all<{ id: string }>(`/users/${aadObjectId}/transitiveMemberOf/microsoft.graph.group?$select=id&$count=true&$top=999`);
      const groupIds = new Set(groups.map((group) => group.id));
      const roles = ROLES.filter((role) => this.roleGroups[role] && groupIds.has(this.roleGroups[role]!));
      if (roles.length === 0) return undefined;
      return { id: user.id, displayName: user.displayName ?? 'Unknown', aadObjectId: user.id, roles, ...(user.mail ? { email: user.mail } : {}) };
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw unavailable(error);
    }
  }

  private async memberIds(role: Role): Promise<string[]> {
    const groupId = this.roleGroups[role];
    if (!groupId) return [];
    const cached = this.members.get(role);
    if (cached && cached.until > this.now()) return cached.ids;
    try {
      const users = await this.all<GraphUser>(`/groups/${groupId}/transitiveMembers/microsoft.graph.user?$select=id&$count=true&$top=999`);
      const ids = users.map((user) => user.id);
      this.members.set(role, { ids, until: this.now() + CACHE_MS });
      return ids;
    } catch (error) {
      throw unavailable(error);
    }
  }

  private async all<T>(firstPath: string): Promise<T[]> {
    const items: T[] = [];
    let path: string | undefined = firstPath;
    while (path) {
      const page: GraphPage<T> = await this.graph.get<GraphPage<T>>(path, ADVANCED_QUERY);
      items.push(...page.value);
      path = page['@odata.nextLink'] ? this.graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
    }
    return items;
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
