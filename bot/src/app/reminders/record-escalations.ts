import type { Role } from '../../domain/people/role';
import { escalationRoles } from '../../domain/incidents/incident-timescales';
import { StaleRecordError } from '../../ports/collection.port';
import type { Clock } from '../../ports/clock.port';
import type { Stores } from '../../ports/stores.port';
import { appendChronology } from '../incident-chronology';
import type { Escalation } from './plan-incident-timescales';

const SYSTEM = { id: 'system', displayName: 'Online Safety Desk' };

/** Who each stage goes to, as the chronology names them. */
const TOLD: Partial<Record<Role, [one: string, many: string]>> = {
  deputyDsl: ['deputy DSL', 'deputy DSLs'],
  headteacher: ['headteacher', 'headteachers'],
  chairOfGovernors: ['chair of governors', 'chairs of governors'],
};

/**
 * Records on each concern how far it has been escalated, with a line in its chronology, once: the
 * update is conditional, so two runs at once write it once, and a concern opened meanwhile is left.
 */
export async function recordEscalations(deps: { stores: Stores; clock: Clock }, escalations: Escalation[], hours: number): Promise<number> {
  let recorded = 0;
  for (const { incident, stage, told } of escalations) {
    try {
      const current = await deps.stores.incidents.get(incident.id);
      if (!current || current.firstOpened || (current.escalatedStage ?? 0) >= stage) continue;
      await deps.stores.incidents.update({ ...current, escalatedStage: stage });
    } catch (error) {
      if (error instanceof StaleRecordError) continue;
      throw error;
    }
    const [one, many] = TOLD[escalationRoles(stage, incident)[0]!]!;
    const who = told.length
      ? `escalated to the ${told.length > 1 ? many : one} (${told.map((person) => person.displayName).join(', ')})`
      : `there is no ${one} who may see it to escalate it to`;
    await appendChronology(deps, incident.id, SYSTEM, 'escalated', `Not opened within ${hours * stage} working hours: ${who}`);
    recorded++;
  }
  return recorded;
}
