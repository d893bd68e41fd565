import { readAll } from '../../../app/read-all';
import type { ChronologyEntry, Incident } from '../../../domain/incidents/incident';
import { compareIncidents, matchesIncident, type IncidentQuery } from '../../../domain/incidents/incident-query';
import type { Versioned } from '../../../ports/collection.port';
import type { ChronologyStore, IncidentIndexedField, IncidentStore } from '../../../ports/incident-store.port';
import { SharePointCollection } from './sharepoint-collection';

/**
 * Incidents on a SharePoint list. SharePoint filters on one indexed column at a time, so the
 * search asks the list for one status (or everything) and applies the other filters here: a
 * school logs hundreds of incidents a year, not tens of thousands.
 */
export class SharePointIncidentStore extends SharePointCollection<Incident, IncidentIndexedField> implements IncidentStore {
  async search(query: IncidentQuery): Promise<{ items: Versioned<Incident>[]; total: number }> {
    const where = query.status ? { where: { status: query.status } } : {};
    const all = await readAll((cursor) => this.find({ ...where, limit: 500, ...(cursor ? { cursor } : {}) }));
    const found = all.filter((incident) => matchesIncident(incident, query)).sort(compareIncidents(query.sort, query.descending !== false));
    return { items: found.slice(query.offset, query.offset + query.limit), total: found.length };
  }
}

/**
 * The chronology as a list. The app has no way to change or delete an entry; on the site, give
 * the app write access only and keep edit rights on this list to the site owners.
 */
export class SharePointChronology implements ChronologyStore {
  constructor(private readonly entries: SharePointCollection<ChronologyEntry, 'incidentId'>) {}

  async append(entry: Omit<ChronologyEntry, 'id'>): Promise<ChronologyEntry> {
    const { version: _version, etag: _etag, ...stored } = await this.entries.insert(entry);
    return stored;
  }

  async forIncident(incidentId: string): Promise<ChronologyEntry[]> {
    const all = await readAll((cursor) => this.entries.find({ where: { incidentId }, limit: 200, ...(cursor ? { cursor } : {}) }));
    return all.map(({ version: _version, etag: _etag, ...entry }) => entry);
  }
}
