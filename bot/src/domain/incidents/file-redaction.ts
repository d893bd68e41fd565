/**
 * What a leaver's safeguarding file may say of anyone but the pupil it is about. The file goes to
 * another school: it must identify no other child (KCSIE: the file is the child's own record, and
 * other children's information in it is third-party data). So every other pupil is "another pupil"
 * and every person outside school linked by name is "someone outside school" — a parent named
 * would name their child.
 */

/** What stands for another pupil in this pupil's file. */
export const ANOTHER_PUPIL = 'another pupil';

/** What stands for a parent or anyone else outside school (the app cannot tell whose parent they are). */
export const SOMEONE_OUTSIDE_SCHOOL = 'someone outside school';

/**
 * First names that are also everyday words. Taken out only where written as a name, with a capital
 * ("Grace said", "tell Will"), so that "they may go" and "it will stop" stay readable. A capital at
 * the start of a sentence is read as a name ("Will ring home" loses "Will"): over-redacting is
 * safer than a leak. Every other first name is taken out in any case ("maya pushed him").
 */
export const FIRST_NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set([
  'amber',
  'april',
  'autumn',
  'bill',
  'daisy',
  'dawn',
  'drew',
  'eve',
  'faith',
  'frank',
  'grace',
  'holly',
  'honey',
  'hope',
  'hunter',
  'iris',
  'ivy',
  'jade',
  'joy',
  'june',
  'lily',
  'mark',
  'may',
  'miles',
  'pat',
  'penny',
  'poppy',
  'river',
  'rob',
  'rose',
  'ruby',
  'sky',
  'summer',
  'sue',
  'violet',
  'will',
]);

export interface FileRedaction {
  /** The pupil the file is about: their name stays, whole, surname first or by first name. */
  pupil: string;
  /** Every other pupil the school has had (current and left), and any other pupil linked to one of the incidents. */
  otherPupils: readonly string[];
  /** People outside school linked by name, as typed: "Mrs Khan (Zain's mother)". */
  outsiders: readonly string[];
}

/** What a form of a name becomes: `undefined` keeps it (the pupil's own name). */
interface Form {
  text: string;
  tokens: string[];
  replacement: string | undefined;
  /** Taken out only when written with a capital (a first name that is also a word). */
  capitalOnly: boolean;
}

/**
 * The redaction of one file, made once from the roster and then applied to every line of it: each
 * other pupil by whole name, surname first ("Ahmed, Zain", "Ahmed Zain") — with the class the
 * chronology writes after a pupil's name ("Zain Ahmed (pupil, 4B)") — and by first name alone;
 * each person outside school by the name as typed and by what comes before a bracket ("Mrs Khan").
 * Whole words only, in any case (but see FIRST_NAMES_THAT_ARE_WORDS). The longest name wins where
 * several start at one place, so "Mia Rose Khan" is not left as "another pupil Khan". The pupil's
 * own name is never taken out, even in part: another pupil who shares their first name and is
 * named by it alone is not taken out either, as the two cannot be told apart.
 */
export function fileRedactor(redaction: FileRedaction): (text: string) => string {
  const forms = new Map<string, Form>();
  const add = (text: string, replacement: string | undefined, capitalOnly = false) => {
    const key = normalise(text);
    const tokens = tokensOf(key);
    if (tokens.length === 0) return;
    const known = forms.get(key);
    // The pupil's own name is kept whatever else shares it; otherwise the stricter reading wins.
    if (known && (known.replacement === undefined || replacement !== undefined)) {
      if (replacement !== undefined && !capitalOnly) known.capitalOnly = false;
      return;
    }
    forms.set(key, { text: text.trim(), tokens, replacement, capitalOnly });
  };
  for (const form of [...nameForms(redaction.pupil), ...wordsOf(redaction.pupil).slice(0, 1)]) add(form, undefined);
  for (const name of redaction.otherPupils) {
    const words = wordsOf(name);
    if (words.length === 0) continue;
    for (const form of nameForms(name)) add(form, ANOTHER_PUPIL);
    add(words[0]!, ANOTHER_PUPIL, FIRST_NAMES_THAT_ARE_WORDS.has(words[0]!.toLowerCase()));
  }
  for (const name of redaction.outsiders) {
    add(name, SOMEONE_OUTSIDE_SCHOOL);
    const beforeBracket = name.split('(')[0]!;
    if (beforeBracket.trim() !== name.trim()) add(beforeBracket, SOMEONE_OUTSIDE_SCHOOL);
  }
  const byFirstToken = new Map<string, Form[]>();
  for (const form of forms.values()) byFirstToken.set(form.tokens[0]!, [...(byFirstToken.get(form.tokens[0]!) ?? []), form]);

  return (text) => {
    // Only the names whose every word is in the line go into its pattern: a roster of 2,000 pupils
    // in one pattern would be tried at every letter of every line.
    const inText = new Set(tokensOf(text.toLowerCase()));
    const candidates = [...inText]
      .flatMap((token) => byFirstToken.get(token) ?? [])
      .filter((form) => form.tokens.every((token) => inText.has(token)));
    if (!candidates.some((form) => form.replacement !== undefined)) return text;
    const alternatives = candidates
      .map((form) => form.text)
      .sort((a, b) => b.length - a.length)
      .map((form) => wordsOf(form).map(escape).join('\\s+'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?:\\s*\\(pupil(?:,[^)]*)?\\))?(?![\\p{L}\\p{N}])`, 'giu');
    return text.replace(pattern, (whole: string, name: string) => {
      const form = forms.get(normalise(name));
      // A match the table cannot place (a case folding the pattern and lower case disagree on) is taken out.
      if (!form) return ANOTHER_PUPIL;
      if (form.replacement === undefined) return whole;
      if (form.capitalOnly && name[0] === name[0]!.toLowerCase()) return whole;
      return form.replacement;
    });
  };
}

/** A name whole and surname first: "Zain Ahmed", "Ahmed, Zain", "Ahmed Zain". */
function nameForms(name: string): string[] {
  const words = wordsOf(name);
  if (words.length < 2) return words;
  const last = words[words.length - 1]!;
  const rest = words.slice(0, -1).join(' ');
  return [words.join(' '), `${last}, ${rest}`, `${last} ${rest}`];
}

function wordsOf(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** The letters-and-digits runs of a text, lower case: what a name must all have in a line to be in it. */
function tokensOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function normalise(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
