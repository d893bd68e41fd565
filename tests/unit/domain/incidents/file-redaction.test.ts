/**
 * What a leaver's safeguarding file says of anyone but the pupil: every other pupil on the roster
 * (current or left) is "another pupil" wherever named, by full name or first name alone; a parent or
 * anyone else outside school is "someone outside school". The pupil's own name stays.
 */
import {
  ANOTHER_PUPIL,
  fileRedactor,
  FIRST_NAMES_THAT_ARE_WORDS,
  SOMEONE_OUTSIDE_SCHOOL,
} from '../../../../bot/src/domain/incidents/file-redaction';

const ROSTER = [
  'Zain Ahmed',
  'Mia Rose Khan',
  'Mia Rose',
  'Ali',
  'Maya Patel',
  'Grace Okoye',
  'Will Turner',
  'Amelia Brown',
  'Noah Williams',
  'May Lin',
];

describe("another pupil's name in Amelia Khan's file", () => {
  const redact = fileRedactor({ pupil: 'Amelia Khan', otherPupils: ROSTER, outsiders: [] });

  it.each([
    ['Linked Zain Ahmed (pupil, 4B) as witness', 'Linked another pupil as witness'],
    ['Zain Ahmed and ZAIN AHMED and zain  ahmed', 'another pupil and another pupil and another pupil'],
    ['Ahmed, Zain said it was a joke', 'another pupil said it was a joke'],
    ['Register: Ahmed Zain, 4B', 'Register: another pupil, 4B'],
    // The longer name first: no "another pupil Khan" left behind.
    ['Mia Rose Khan posted it', 'another pupil posted it'],
    ['Mia Rose posted it', 'another pupil posted it'],
    // A classmate on the roster, linked to nothing, named by first name alone — in any case.
    ['Maya pushed him', 'another pupil pushed him'],
    ['maya pushed him, MAYA laughed', 'another pupil pushed him, another pupil laughed'],
    ["Noah's phone", "another pupil's phone"],
    ["Ali said so; Ali's phone", "another pupil said so; another pupil's phone"],
    // First names that are also ordinary words: taken out where written as a name (a capital), kept as words.
    ['Grace said they may tell Will', 'another pupil said they may tell another pupil'],
    ['with grace; it will stop', 'with grace; it will stop'],
    // Over-redacting rather than a leak: a capital at the start of a sentence is read as a name.
    ['Will ring home tomorrow', 'another pupil ring home tomorrow'],
    // Her own name stays, whole or by first name, even when another pupil shares her first name.
    ['Amelia Khan told Mrs Jones; Amelia cried', 'Amelia Khan told Mrs Jones; Amelia cried'],
    ['Khan, Amelia and Amelia Brown', 'Khan, Amelia and another pupil'],
    // Whole words only: a name inside another word is not a name.
    ['Alison and Mayan art; Zainab', 'Alison and Mayan art; Zainab'],
    ['Nothing about anyone', 'Nothing about anyone'],
    // A comma after a one-word name stays where it was written.
    ['Ask Ali, then Maya', 'Ask another pupil, then another pupil'],
    // A name of three words, surname first, whole.
    ['Khan, Mia Rose said so', 'another pupil said so'],
    // Her own name typed with two spaces is still her own.
    ['Amelia  Khan told Zain', 'Amelia  Khan told another pupil'],
  ])('%j becomes %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('takes names with characters a pattern would misread as they are', () => {
    const odd = fileRedactor({ pupil: 'Amelia Khan', otherPupils: ['Jo (Jo-Anne) O.Brien', 'J.o'], outsiders: [] });
    expect(odd('Spoke to Jo (Jo-Anne) O.Brien; J.o and Jxo')).toBe('Spoke to another pupil; another pupil and Jxo');
  });

  it('reads a roster with empty names in it, and the other names still go', () => {
    const withBlanks = fileRedactor({ pupil: 'Amelia Khan', otherPupils: ['', '   ', 'Zain Ahmed'], outsiders: [] });
    expect(withBlanks('Zain Ahmed and Amelia')).toBe('another pupil and Amelia');
  });

  it('keeps her own name whole when another pupil has a part of it as a first name', () => {
    const redactMia = fileRedactor({ pupil: 'Mia Rose Khan', otherPupils: ['Rose Patel', 'Khan Ali'], outsiders: [] });
    expect(redactMia('Mia Rose Khan and Rose; Khan Ali')).toBe('Mia Rose Khan and another pupil; another pupil');
  });
});

describe("someone outside school in Amelia Khan's file", () => {
  const redact = fileRedactor({ pupil: 'Amelia Khan', otherPupils: ROSTER, outsiders: ["Mrs Patel (Maya's mother)", 'Uncle Dave'] });

  it.each([
    // The chronology's own line for a person linked by name.
    ["Linked Mrs Patel (Maya's mother) (named) as witness", 'Linked someone outside school (named) as witness'],
    // The name as people write it, without what was typed after it.
    ['Mrs Patel phoned the office', 'someone outside school phoned the office'],
    ['uncle dave sent the photo', 'someone outside school sent the photo'],
    // A child named inside it is still another pupil.
    ["Maya's mother came in", "another pupil's mother came in"],
  ])('%j becomes %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

it('takes out names from a roster the size of a large school, read once for the whole file', () => {
  const roster = Array.from({ length: 2000 }, (_, i) => `Pupil${i} Surname${i}`);
  const redact = fileRedactor({ pupil: 'Amelia Khan', otherPupils: roster, outsiders: [] });
  const line = 'Spoke to Pupil17 and to Amelia; Surname1999, Pupil1999 apologised. '.repeat(20);
  expect(redact(line)).toContain('Spoke to another pupil and to Amelia; another pupil apologised.');
});

/**
 * s.2 (the DSL keeps the log) and KCSIE: a first name that is also an everyday word is taken out
 * only when written as a name, so the file stays readable; any other first name in any case.
 */
describe('first names that are also words, one by one (s.2)', () => {
  it.each([
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
  ])('"%s" stays as a word and goes as a name', (word) => {
    const name = word[0]!.toUpperCase() + word.slice(1);
    const redact = fileRedactor({ pupil: 'Amelia Khan', otherPupils: [`${name} Zed`], outsiders: [] });
    expect(redact(`we saw ${word} there; then ${name} left`)).toBe(`we saw ${word} there; then another pupil left`);
  });

  it.each<[string, string[], string, string]>([
    // Two pupils called Grace: still a name only with a capital.
    ['two pupils with that first name', ['Grace Okoye', 'Grace Adams'], 'with grace; Grace said', 'with grace; another pupil said'],
    // A pupil known by "Grace" alone is named by it in any case, whichever comes first on the roster.
    [
      'a pupil with that one name, after another',
      ['Grace Okoye', 'Grace'],
      'with grace; Grace said',
      'with another pupil; another pupil said',
    ],
    [
      'a pupil with that one name, before another',
      ['Grace', 'Grace Okoye'],
      'with grace; Grace said',
      'with another pupil; another pupil said',
    ],
    ['a pupil with that one name alone', ['Will'], 'it will stop', 'it another pupil stop'],
  ])('%s: the stricter reading wins', (_case, otherPupils, text, expected) => {
    const redact = fileRedactor({ pupil: 'Amelia Khan', otherPupils, outsiders: [] });
    expect(redact(text)).toBe(expected);
  });

  it('holds exactly those 36 words', () => {
    expect(FIRST_NAMES_THAT_ARE_WORDS.size).toBe(36);
  });

  it('any other first name goes in lower case too', () => {
    const redact = fileRedactor({ pupil: 'Amelia Khan', otherPupils: ['Zara Zed'], outsiders: [] });
    expect(redact('we saw zara there')).toBe('we saw another pupil there');
  });

  it('the words that stand for a name', () => {
    expect([ANOTHER_PUPIL, SOMEONE_OUTSIDE_SCHOOL]).toEqual(['another pupil', 'someone outside school']);
  });
});
