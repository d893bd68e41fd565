import { consentOn, type ConsentEvent, type Media } from '../consent/consent';
import type { Pupil } from '../school/pupil';

/** A request to post on a school account, as the checks see it (s.4, s.5, s.6). */
export interface PostDraft {
  accountId: string;
  text: string;
  media: readonly Media[];
  pupilIds: readonly string[];
  postingDate: string;
}

export type CheckName = 'account' | 'consent' | 'onRoll' | 'fullName' | 'personalDetails';

export interface CheckFailure {
  check: CheckName;
  /** What is wrong and how to put it right, for the requester's card. */
  message: string;
}

export interface PostingContext {
  registeredAccountIds: ReadonlySet<string>;
  roster: readonly Pupil[];
  consent: readonly ConsentEvent[];
}

/**
 * The automatic checks run before the headteacher sees a posting request; any failure blocks
 * approval. s.4: consent for each pupil and each medium used; no full names alongside images or
 * videos; no personal details. s.5: only registered school accounts.
 */
export function checkPost(draft: PostDraft, context: PostingContext): CheckFailure[] {
  const failures: CheckFailure[] = [];
  if (!context.registeredAccountIds.has(draft.accountId)) {
    failures.push({ check: 'account', message: 'This is not a registered school account. Only the school accounts the DSL has registered may be used (policy section 5).' });
  }
  const byId = new Map(context.roster.map((pupil) => [pupil.id, pupil]));
  for (const pupilId of draft.pupilIds) {
    const pupil = byId.get(pupilId);
    if (!pupil || !onRoll(pupil, draft.postingDate)) {
      failures.push({ check: 'onRoll', message: `${pupil?.displayName ?? 'A pupil you picked'} is not on roll on ${draft.postingDate}: remove them from the post.` });
      continue;
    }
    for (const media of draft.media) {
      const state = consentOn(context.consent, pupilId, media, draft.postingDate);
      if (state !== 'given') {
        const why = state === 'withdrawn' ? 'consent was withdrawn' : state === 'refused' ? 'consent was refused' : 'no consent is recorded';
        failures.push({ check: 'consent', message: `${pupil.displayName} (${pupil.className}): ${why} for ${media}. Remove them from the ${media}, or blur them and leave them out of the pupils shown.` });
      }
    }
  }
  const names = nameFinder(draft.text);
  for (const pupil of context.roster) {
    if (onRoll(pupil, draft.postingDate) && names.contains(pupil.displayName)) {
      failures.push({ check: 'fullName', message: `The text names ${pupil.displayName}. Pupils' full names are never used alongside images or videos: use a group label such as "sports day" instead.` });
    }
  }
  for (const found of personalDetails(draft.text)) {
    failures.push({ check: 'personalDetails', message: `The text contains ${found.kind} ("${found.text}"). Remove personal details before posting.` });
  }
  return failures;
}

function onRoll(pupil: Pupil, date: string): boolean {
  const day = date.slice(0, 10);
  return pupil.onRollFrom.slice(0, 10) <= day && (!pupil.onRollTo || day <= pupil.onRollTo.slice(0, 10));
}

/** Letters only, accents dropped, lower case: "Zoë O'Brien-Smith" → "zoe o brien smith". */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether the text holds the pupil's full name (first and last name together), however written:
 * any case, with or without accents, and with apostrophes or hyphens kept, spaced or dropped
 * ("O'Connor", "O Connor", "OConnor").
 */
export function containsName(text: string, fullName: string): boolean {
  return nameFinder(text).contains(fullName);
}

/** The text prepared once, to be searched for every name on the roster. */
function nameFinder(text: string): { contains(fullName: string): boolean } {
  const haystack = ` ${normaliseName(text)} `;
  return { contains: (fullName) => nameVariants(fullName).some((name) => name.includes(' ') && haystack.includes(` ${name} `)) };
}

// Names are normalised once and remembered: every check compares the text with the whole roster.
const variantsByName = new Map<string, string[]>();

function nameVariants(fullName: string): string[] {
  let variants = variantsByName.get(fullName);
  if (!variants) {
    variants = [...new Set([normaliseName(fullName), normaliseName(fullName.replace(/['’‘\-‐]/g, ''))])];
    if (variantsByName.size >= 50_000) variantsByName.clear();
    variantsByName.set(fullName, variants);
  }
  return variants;
}

const DETAILS: { kind: string; pattern: RegExp }[] = [
  { kind: 'an email address', pattern: /[\w.+-]+@[\w-]+(\.[\w-]+)+/g },
  { kind: 'a phone number', pattern: /(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){9,10}\b/g },
  // Upper case only: "Y6 5th" is a school phrase, "SW1A 1AA" a postcode.
  { kind: 'a postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g },
  { kind: 'a street address', pattern: /\b\d{1,4}[a-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Place|Court|Gardens|Terrace|Rd|St|Ave)\b/g },
];

export function personalDetails(text: string): { kind: string; text: string }[] {
  return DETAILS.flatMap(({ kind, pattern }) => [...text.matchAll(pattern)].map((match) => ({ kind, text: match[0] })));
}
