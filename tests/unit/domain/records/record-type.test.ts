/**
 * A reminder's button names the record it is about; only the kinds of record people act on in
 * Teams are taken from it (the requests of s.4, s.5 and s.9, takedowns, training to confirm under s.11).
 */
import { isRecordType, RECORD_TYPES } from '../../../../bot/src/domain/records/record-type';

describe('the kinds of record a message may point at', () => {
  it('are the requests, takedown tasks and training records', () => {
    expect(RECORD_TYPES).toEqual(expect.arrayContaining(['accessRequest', 'postingRequest', 'takedown', 'trainingRecord']));
  });

  it.each<[string, unknown, boolean]>([
    ['a request to open a site', 'accessRequest', true],
    ['a takedown task', 'takedown', true],
    ['logged training', 'trainingRecord', true],
    ['an incident (never named on a reminder)', 'incident', false],
    ['a name in other capitals', 'AccessRequest', false],
    ['no text at all', undefined, false],
    ['a number', 7, false],
  ])('%s (%j): %s', (_case, value, expected) => {
    expect(isRecordType(value)).toBe(expected);
  });
});
