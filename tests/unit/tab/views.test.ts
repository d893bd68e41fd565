/**
 * Where a link opens the tab. Teams deep links from messages name a record as the sub-page
 * (`context.page.subPageId`); links outside Teams use the tab's own address. Every link the app
 * has ever sent must still land on its page.
 */
import { openedFrom } from '../../../tab/src/views';

const OPENS: [string, string, string | undefined, ReturnType<typeof openedFrom>][] = [
  ['a static tab: Waiting for me', '?view=waiting', undefined, { view: 'waiting' }],
  ['a static tab: My requests', '?view=requests', undefined, { view: 'requests' }],
  ['a static tab: Incidents', '?view=incidents', undefined, { view: 'incidents' }],
  ['a static tab: Consent', '?view=consent', undefined, { view: 'consent' }],
  ['a static tab: Training', '?view=training', undefined, { view: 'training' }],
  ['a reminder to the go-live checklist', '?view=readiness', undefined, { view: 'readiness' }],
  ['a request to post, in Teams', '?view=requests', 'posting-12', { view: 'posting', id: '12' }],
  ['a request to post, outside Teams', '?view=posting&id=12', undefined, { view: 'posting', id: '12' }],
  ['one incident, in Teams (from the Incidents tab)', '?view=incidents', 'incident-7', { view: 'incidents', id: '7' }],
  ['one incident, outside Teams', '?view=incidents&id=7', undefined, { view: 'incidents', id: '7' }],
  ['a request to open a site, in Teams', '?view=requests', 'access-3', { view: 'access', id: '3' }],
  ['a request to open a site, outside Teams', '?view=access&id=3', undefined, { view: 'access', id: '3' }],
  ['a request to post without a number', '?view=posting', undefined, { view: 'waiting' }],
  ['a request to open a site without a number', '?view=access', undefined, { view: 'waiting' }],
  ['a page that does not exist', '?view=nope', undefined, { view: 'waiting' }],
  ['no page named', '', undefined, { view: 'waiting' }],
  ['a record number that is not a number', '?view=incidents&id=7%20OR%201', undefined, { view: 'incidents' }],
  ['a sub-page that is not a record', '?view=training', 'something-else', { view: 'training' }],
];

describe('a link opens the tab on', () => {
  it.each(OPENS)('%s', (_link, search, subPageId, expected) => {
    expect(openedFrom(search, subPageId)).toEqual(expected);
  });
});
