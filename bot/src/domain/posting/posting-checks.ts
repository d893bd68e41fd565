import { consentOn, type ConsentEvent, type Media } from '../consent/consent';
import type { Pupil } from '../school/pupil';
import { onRollOn } from '../school/pupil';

/** A request to post on a school account, as the checks see it (s.4, s.5, s.6). */
export interface PostDraft {
  accountId: string;
  text: string;
  media: readonly Media[];
  pupilIds: readonly string[];
  postingDate: string;
}

export type CheckName = 'account' | 'consent' | 'onRoll' | 'fullName' | 'personalDetails' | 'attachments' | 'device';

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
    failures.push({
      check: 'account',
      message: 'This is not a registered school account. Only the school accounts the DSL has registered may be used (policy section 5).',
    });
  }
  const byId = new Map(context.roster.map((pupil) => [pupil.id, pupil]));
  for (const pupilId of draft.pupilIds) {
    const pupil = byId.get(pupilId);
    if (!pupil || !onRollOn(pupil, draft.postingDate)) {
      failures.push({
        check: 'onRoll',
        message: `${pupil?.displayName ?? 'A pupil you picked'} is not on roll on ${draft.postingDate}: remove them from the post.`,
      });
      continue;
    }
    for (const media of draft.media) {
      const state = consentOn(context.consent, pupilId, media, draft.postingDate);
      if (state !== 'given') {
        const why =
          state === 'withdrawn' ? 'consent was withdrawn' : state === 'refused' ? 'consent was refused' : 'no consent is recorded';
        failures.push({
          check: 'consent',
          message: `${pupil.displayName} (${pupil.className}): ${why} for ${media}. Remove them from the ${media}, or blur them and leave them out of the pupils shown.`,
        });
      }
    }
  }
  const names = nameFinder(draft.text);
  for (const pupil of context.roster) {
    if (onRollOn(pupil, draft.postingDate) && names.contains(pupil.displayName)) {
      failures.push({
        check: 'fullName',
        message: `The text names ${pupil.displayName}. Pupils' full names are never used alongside images or videos: use a group label such as "sports day" instead.`,
      });
    }
  }
  for (const found of personalDetails(draft.text)) {
    failures.push({
      check: 'personalDetails',
      message: `The text contains ${found.kind} ("${found.text}"). Remove personal details before posting.`,
    });
  }
  return failures;
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

/**
 * The text prepared once, to be searched for every name on the roster: as words ("amelia khan"),
 * squashed into handles and hashtags ("#AmeliaKhan", "@amelia_khan"), and surname first, with or
 * without a comma, as registers and lists write it ("Khan, Amelia", "Khan Amelia", and for
 * "Mohammed Al Hassan" also "Al Hassan, Mohammed": a surname may be more than one word).
 */
function nameFinder(text: string): { contains(fullName: string): boolean } {
  const words = ` ${normaliseName(text)} `;
  const squashed = ` ${text
    .split(/\s+/)
    .map((token) => normaliseName(token).replace(/ /g, ''))
    .join(' ')} `;
  return {
    contains: (fullName) =>
      nameForms(fullName).some(
        (form) =>
          words.includes(form.words) || squashed.includes(form.squashed) || form.surnameFirst.some((written) => words.includes(written)),
      ),
  };
}

interface NameForms {
  /** " amelia khan " */
  words: string;
  /** "ameliakhan", found inside a handle or hashtag */
  squashed: string;
  /**
   * " khan amelia " (a comma is a space in the normalised text), and for a longer name each way of
   * splitting it (" al hassan mohammed ", " hassan mohammed al ")
   */
  surnameFirst: string[];
}

// Names are prepared once and remembered: every check compares the text with the whole roster.
const formsByName = new Map<string, NameForms[]>();

/**
 * The forms of a full name, as written and with apostrophes and hyphens dropped ("O'Connor" → "oconnor"). A single word is no full name.
 */
function nameForms(fullName: string): NameForms[] {
  let forms = formsByName.get(fullName);
  if (!forms) {
    const spellings = [...new Set([normaliseName(fullName), normaliseName(fullName.replace(/['’‘\-‐]/g, ''))])]
      .map((spelling) => spelling.split(' '))
      .filter((parts) => parts.length > 1);
    forms = spellings.map((parts) => ({
      words: ` ${parts.join(' ')} `,
      squashed: parts.join(''),
      surnameFirst: parts.slice(1).map((_, i) => ` ${parts.slice(i + 1).join(' ')} ${parts.slice(0, i + 1).join(' ')} `),
    }));
    if (formsByName.size >= 50_000) formsByName.clear();
    formsByName.set(fullName, forms);
  }
  return forms;
}

/** The UK's postcode areas (Royal Mail), so that "Y6 5th" or "KS2 SAT" is not taken for a postcode. */
const POSTCODE_AREAS =
  'AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE';

/**
 * Words between a house number and "Road" that make it ordinary English, not an address ("3 laps all the way").
 * (No one-letter words: `STREET` only takes words of two letters or more.)
 */
const NOT_A_STREET = new Set([
  'all',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'it',
  'of',
  'on',
  'our',
  'the',
  'their',
  'to',
  'was',
  'we',
  'were',
  'with',
  'your',
  'long',
  'short',
  'close',
]);

const STREET =
  /\b\d{1,4}[a-z]?,?\s+((?:[a-z][a-z'’-]+\s+){1,3})(?:road|street|avenue|lane|close|drive|way|crescent|grove|place|court|gardens|terrace|mews|square|rd|st|ave)\b/gi;

const DETAILS: { kind: string; pattern: RegExp; accept?: (match: RegExpMatchArray) => boolean }[] = [
  { kind: 'an email address', pattern: /[\w.+-]+@[\w-]+(\.[\w-]+)+/g },
  // +44 or 0044, an optional (0), then 9–10 digits; or a 0 and 9–10 more digits. Spaces, dashes,
  // dots and brackets may sit between the digits; slashes and colons (dates, times) may not.
  { kind: 'a phone number', pattern: /(?:(?:\+|\b00)\s?44[\s.-]*(?:\(0\)[\s.-]*)?|\(?\b0)(?:\d[\s.()-]{0,2}){8,9}\d(?!\d)/g },
  { kind: 'a postcode', pattern: new RegExp(`\\b(?:${POSTCODE_AREAS.split(' ').join('|')})\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b`, 'gi') },
  {
    kind: 'a street address',
    pattern: STREET,
    accept: (match) =>
      !match[1]!
        .trim()
        .split(/\s+/)
        .some((word) => NOT_A_STREET.has(word.toLowerCase())),
  },
];

export function personalDetails(text: string): { kind: string; text: string }[] {
  return DETAILS.flatMap(({ kind, pattern, accept }) =>
    [...text.matchAll(pattern)].filter((match) => !accept || accept(match)).map((match) => ({ kind, text: match[0].trim() })),
  );
}
