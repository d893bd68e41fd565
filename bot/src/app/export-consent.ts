import { consentOn, type ConsentEvent, type ConsentState } from '../domain/consent/consent';
import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import { onRollOn, type Pupil } from '../domain/school/pupil';
import type { AppDeps } from './app-deps';
import { allPupils, readAll } from './read-all';
import { recordAudit } from './record-audit';
import { refused, type Refused } from './outcome';

export interface ConsentExportRow {
  displayName: string;
  className: string;
  images: ConsentState;
  videos: ConsentState;
}

export type ExportConsentResult =
  Refused | { status: 'unknown-class'; classes: string[] } | { status: 'ok'; date: string; className?: string; rows: ConsentExportRow[] };

/**
 * The consent register as it stood on a date (s.4), for one class or the whole school: every
 * pupil on roll that day with images and videos given, refused, withdrawn or none. Admin team only.
 * The class shown is the pupil's class in the latest import (class history is not kept).
 */
export async function exportConsent(
  deps: AppDeps,
  person: Person,
  scope: { className?: string; date: string },
): Promise<ExportConsentResult> {
  if (!may(person, 'consent.export')) {
    await recordAudit(deps, person, {
      action: 'consent.export.denied',
      recordType: 'consent',
      recordId: '-',
      summary: 'Consent export refused: the person does not hold the role',
    });
    return refused('consent.export');
  }
  const { date } = scope;
  const className = scope.className?.trim().toUpperCase() || undefined;
  // A few pages each, for a whole school: simpler and fewer round trips than asking pupil by pupil.
  const onRollThen = (await allPupils(deps.stores)).filter((pupil) => onRollOn(pupil, date));
  const pupils = className ? onRollThen.filter((pupil) => pupil.className === className) : onRollThen;
  if (className && pupils.length === 0)
    return { status: 'unknown-class', classes: [...new Set(onRollThen.map((pupil) => pupil.className))].sort() };
  const byPupil = new Map<string, ConsentEvent[]>();
  for (const event of await readAll((cursor) => deps.stores.consents.find({ limit: 500, ...(cursor ? { cursor } : {}) }))) {
    const own = byPupil.get(event.pupilId);
    if (own) own.push(event);
    else byPupil.set(event.pupilId, [event]);
  }

  const rows = pupils
    .sort((a, b) => a.className.localeCompare(b.className) || a.displayName.localeCompare(b.displayName))
    .map((pupil) => {
      const own = byPupil.get(pupil.id) ?? [];
      return {
        displayName: pupil.displayName,
        className: pupil.className,
        images: consentOn(own, pupil.id, 'images', date),
        videos: consentOn(own, pupil.id, 'videos', date),
      };
    });
  await recordAudit(deps, person, {
    action: 'consent.exported',
    recordType: className ? 'class' : 'school',
    recordId: className ?? '-',
    summary: `Consent register exported as at ${date} (${rows.length} pupils)`,
  });
  return { status: 'ok', date, ...(className ? { className } : {}), rows };
}
