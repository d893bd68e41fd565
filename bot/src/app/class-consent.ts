import { consentOn, MEDIA, type ConsentState, type Media } from '../domain/consent/consent';
import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';
import { allPupils } from './read-all';
import { currentClasses, onRollOn } from '../domain/school/pupil';
import { refused, type Refused } from './outcome';

export interface PupilConsent {
  pupilId: string;
  displayName: string;
  consent: Record<Media, ConsentState>;
}

export type ClassConsentResult =
  { status: 'ok'; className: string; date: string; pupils: PupilConsent[] } | { status: 'unknown-class'; classes: string[] } | Refused;

/**
 * What staff check before taking photos (s.4: "refer to the consent record log"): each pupil on
 * roll in the class, with consent for images and for videos on the date.
 */
export async function classConsent(deps: AppDeps, person: Person, typedClass: string, date: string): Promise<ClassConsentResult> {
  if (!may(person, 'consent.viewClass')) return refused('consent.viewClass');
  const className = typedClass.trim().toUpperCase();
  const pupils = (await deps.stores.pupils.find({ where: { className }, limit: 200 })).items.filter((pupil) => onRollOn(pupil, date));
  if (pupils.length === 0) {
    const all = await allPupils(deps.stores);
    return { status: 'unknown-class', classes: currentClasses(all) };
  }
  const rows: PupilConsent[] = [];
  for (const pupil of pupils.sort((a, b) => a.displayName.localeCompare(b.displayName))) {
    const events = (await deps.stores.consents.find({ where: { pupilId: pupil.id }, limit: 200 })).items;
    rows.push({
      pupilId: pupil.id,
      displayName: pupil.displayName,
      consent: Object.fromEntries(MEDIA.map((media) => [media, consentOn(events, pupil.id, media, date)])) as Record<Media, ConsentState>,
    });
  }
  await recordAudit(deps, person, {
    action: 'consent.class-viewed',
    recordType: 'class',
    recordId: className,
    summary: 'Class photo consent viewed',
  });
  return { status: 'ok', className, date, pupils: rows };
}
