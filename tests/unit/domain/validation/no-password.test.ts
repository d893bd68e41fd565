/**
 * No password is typed into the app (policy s.5: "School social media passwords are kept within
 * the school's Google Drive"). Text that labels something as a password and gives it is refused;
 * text that only talks about passwords, or a word that merely contains "pass" or "pin", is not.
 */
import { looksLikeAPassword, NO_PASSWORD_MESSAGE } from '../../../../bot/src/domain/validation/no-password';

describe('a password given in the text is refused (s.5)', () => {
  it.each([
    ['labelled with a colon', 'password: x1y2'],
    ['labelled without a space, in capitals', 'PASSWORD:x1y2'],
    ['spaces before and after the colon', 'Password   :   x1y2'],
    ['a PIN with an equals sign', 'pin = 1234'],
    ['a PIN with no spaces at all', 'pin=1234'],
    ['a passcode', 'The iPad passcode: 9911'],
    ['a passphrase', 'passphrase: correct horse battery'],
    ['"pwd"', 'pwd: hunter2'],
    ['"pass" alone', 'Login as office, pass: Spring26'],
    ['said in a sentence, ending with "!"', 'The password is Tr0ub4dor!'],
    ['said, in quotes, ending with a full stop', 'the password was "Summer2026".'],
    ['said in curly quotes', 'Its password is ‘Summer2026’, thanks'],
    ['said at the very end of the text', 'From Monday the passcode will be 4455'],
    ['said with a colon and a comma after it', 'the PIN is: 1234, see you later'],
    ['said with a dash', 'our password is – Tr0ub4dor'],
    ['said with a hyphen', 'our password is - Tr0ub4dor.'],
    ['"pwd" said', 'pwd is abc1;'],
    ['a passphrase said', 'The passphrase is Riverside?'],
    ['said on a line of its own, with more lines after', 'Account: @StMarysPTA\nThe password is Riv3rside\nThanks, Jo'],
    ['said with the spaces of a hurried typist', 'The password  is   Riv3rside.'],
    ['said with a colon and no space after it', 'the PIN is:1234.'],
    ['said with a space before the line ends', 'The password is Riv3rside \nThanks, Jo'],
  ])('%s: "%s"', (_case, text) => {
    expect(looksLikeAPassword(text)).toBe(true);
  });
});

describe('text about passwords, with none in it, is accepted', () => {
  it.each([
    ['asking for a reset', 'Please reset my password for the class blog'],
    ['"pass" inside another word, before a colon', 'Bypass: the filter blocks the museum site'],
    ['"pin" inside another word, before an equals sign', 'spin = the wheel game on the IWB'],
    ['a word beginning with "pin"', 'pinned = the post about sports day'],
    ['a word beginning with "pass"', 'passport: needed for the Paris trip'],
    ['a label with nothing after it', 'password: '],
    ['"is" with nothing after it', 'Where the password is'],
    ['a sentence that goes on', 'The password is changed every term by the office.'],
    ['"is" followed by a word and more words', 'my password is being reset today'],
    ['the label as part of a phrase', 'password policy: change it every term'],
    ['"pin" and "is" apart', 'the pin on the map is our school'],
  ])('%s: "%s"', (_case, text) => {
    expect(looksLikeAPassword(text)).toBe(false);
  });
});

it('the refusal says what to do instead: never here, in person or through the Google Drive (s.5)', () => {
  expect(NO_PASSWORD_MESSAGE).toBe(
    'This looks like a password. Never type a password here: remove it and share it in person or through the school’s Google Drive.',
  );
});
