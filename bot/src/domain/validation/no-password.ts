/**
 * A password is never typed into the app (s.5: school social media passwords are kept in the
 * school's Google Drive). Text that labels something as a password and gives it ("password: x1y2",
 * "pin = 1234", "the password is Tr0ub4dor!") is refused, so it is never stored, shown or sent.
 * This catches a labelled password, not every secret: a bare string cannot be told from a word.
 */
const LABELLED = /\b(pass(word|code|phrase)?|pwd|pin)\s*[:=]\s*\S/i;
const SAID = /\b(pass(word|code|phrase)|pwd|pin)\s+(is|was|will be)\s*[:\-–]?\s*["'“‘]?\S+?["'”’]?\s*([.,;!?]|$)/im;

export function looksLikeAPassword(value: string): boolean {
  return LABELLED.test(value) || SAID.test(value);
}

export const NO_PASSWORD_MESSAGE =
  'This looks like a password. Never type a password here: remove it and share it in person or through the school’s Google Drive.';
