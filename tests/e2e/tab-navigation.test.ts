/**
 * The tab's one navigation in real Chromium: each person sees exactly the pages they may open —
 * the incident log only for the people the policy names (s.8), *Waiting for me* first for everyone —
 * and a link to one incident, one request to post or one request to open a site opens it. The table
 * is written by hand from the policy, not read from the code.
 */
import type { Page } from 'playwright-core';
import type { Role } from '../../bot/src/domain/people/role';
import { describeInBrowser } from '../fixtures/browser';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

// What waits for the person comes first, for everyone.
const EVERY_STAFF_MEMBER = [
  'Waiting for me',
  'Blocked website requests',
  'Photo consent',
  'School accounts',
  'Training',
  'Policies',
  'Approved devices',
];
const after = (pages: string[], anchor: string, page: string) => [
  ...pages.slice(0, pages.indexOf(anchor) + 1),
  page,
  ...pages.slice(pages.indexOf(anchor) + 1),
];
// Whoever sees every request to open a site (the online safety lead, the headteacher, the ICT technician) sees the register of unblocks.
const withUnblocks = (pages: string[]) => after(pages, 'Blocked website requests', 'Unblocked sites');
const withIncidents = (pages: string[]) =>
  after(pages, pages.includes('Unblocked sites') ? 'Unblocked sites' : 'Blocked website requests', 'Incidents');
const SETTINGS_AND_CHECKLIST = ['School settings', 'Go-live checklist'];
// The board's page (governors, the chair, the headteacher) and the annual filtering review (with the leads who own filtering).
const GOVERNANCE = 'Governance';
const FILTERING_REVIEW = 'Filtering review';

/** The demo school's first person holding the role (tests/fixtures/tab-app.ts) → the pages in the navigation, in order. */
const PAGES: [Role, string, string[]][] = [
  ['staff', 'a class teacher', EVERY_STAFF_MEMBER],
  ['ictTechnician', 'the ICT technician (also staff)', withUnblocks(EVERY_STAFF_MEMBER)],
  ['socialMediaStaff', 'a member of staff who runs the accounts', EVERY_STAFF_MEMBER],
  // The server counts anyone an incident is assigned to: the demo school gives the online safety lead the filtering concerns.
  [
    'onlineSafetyLead',
    'the online safety lead, assigned incidents',
    [...withIncidents(withUnblocks(EVERY_STAFF_MEMBER)), ...SETTINGS_AND_CHECKLIST, FILTERING_REVIEW],
  ],
  ['dsl', 'the DSL (also staff)', [...withIncidents(EVERY_STAFF_MEMBER), FILTERING_REVIEW]],
  ['deputyDsl', 'a deputy DSL (also staff)', withIncidents(EVERY_STAFF_MEMBER)],
  [
    'headteacher',
    'the headteacher (also staff)',
    [...withIncidents(withUnblocks(EVERY_STAFF_MEMBER)), ...SETTINGS_AND_CHECKLIST, GOVERNANCE, FILTERING_REVIEW],
  ],
  ['admin', 'the school office, also the data protection lead', [...withIncidents(EVERY_STAFF_MEMBER), ...SETTINGS_AND_CHECKLIST]],
  [
    'chairOfGovernors',
    'the chair of governors',
    ['Waiting for me', 'Blocked website requests', 'Incidents', 'Training', 'Policies', GOVERNANCE, FILTERING_REVIEW],
  ],
];

const navigation = (page: Page) => page.getByRole('tablist', { name: 'Pages' });

async function pagesShown(page: Page): Promise<string[]> {
  // The persona's pages are known once "Training" (everyone's) is there.
  await navigation(page).getByRole('tab', { name: 'Training' }).waitFor();
  return navigation(page).getByRole('tab').allInnerTexts();
}

describeInBrowser('the tab’s navigation', () => {
  let tab: TabApp;

  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  it.each(PAGES)('shows %s (%s) exactly their pages', async (role, _who, expected) => {
    const page = await tab.pageAs(role);
    await page.goto(`${tab.app.url}/tab/?view=requests`);
    expect(await pagesShown(page)).toEqual(expected);
    await page.close();
  });

  it('opens the incident log from the navigation, inside the same page', async () => {
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/?view=training`);
    await navigation(page).getByRole('tab', { name: 'Incidents' }).click();
    await page.getByTestId('incident-row').first().waitFor();
    expect(page.url()).toBe(`${tab.app.url}/tab/?view=training`);
    await navigation(page).getByRole('tab', { name: 'Blocked website requests' }).click();
    await page
      .getByTestId('access-request-row')
      .or(page.getByText(/^No requests yet/))
      .first()
      .waitFor();
    await page.close();
  });

  it('tells a teacher sent to the incident log that it is not for them, and shows none of it', async () => {
    const page = await tab.pageAs('staff');
    await page.goto(`${tab.app.url}/tab/?view=incidents&id=1`);
    await page.getByTestId('access-denied').waitFor();
    expect(await pagesShown(page)).not.toContain('Incidents');
    expect(await page.getByTestId('incident-row').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /^C-\d{5}/ }).count()).toBe(0);
    await page.close();
  });

  it('tells a teacher who opens the Governance tab that it is not theirs, and shows what waits for them instead', async () => {
    const page = await tab.pageAs('staff');
    await page.goto(`${tab.app.url}/tab/?view=governance`);
    await page.getByTestId('page-denied').waitFor();
    expect(await page.getByTestId('page-denied').innerText()).toMatch(/Governance page is not one of yours[\s\S]*what waits for you/);
    await navigation(page).getByRole('tab', { name: 'Waiting for me', selected: true }).waitFor();
    expect(await pagesShown(page)).not.toContain('Governance');
    await page.close();
  });

  it('opens one incident from its link, and goes back to the log', async () => {
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/?view=incidents&id=3`);
    await page.getByRole('heading', { name: /^C-00003/ }).waitFor();
    // The navigation marks the page once the shell has read the link: wait for it, then count.
    await navigation(page).getByRole('tab', { name: 'Incidents', selected: true }).waitFor();
    expect(await navigation(page).getByRole('tab', { name: 'Incidents', selected: true }).count()).toBe(1);
    await page.getByRole('button', { name: /Back to the log/ }).click();
    await page.getByTestId('incident-row').first().waitFor();
    await page.close();
  });

  it('opens one request to post from its link, under the requests page', async () => {
    const page = await tab.pageAs('headteacher');
    await page.goto(`${tab.app.url}/tab/?view=posting&id=1`);
    await page.getByTestId('media-image').first().waitFor();
    expect(await page.getByRole('heading', { name: /\bP-1\b/ }).count()).toBe(1);
    // The navigation marks the page once the shell has read the link: wait for it, then count.
    await navigation(page).getByRole('tab', { name: 'Blocked website requests', selected: true }).waitFor();
    expect(await navigation(page).getByRole('tab', { name: 'Blocked website requests', selected: true }).count()).toBe(1);
    await page.close();
  });

  it('opens one request to open a site from its link, under the requests page, and goes back to them', async () => {
    const page = await tab.pageAs('ictTechnician');
    await page.goto(`${tab.app.url}/tab/?view=access&id=1`);
    expect(await page.getByTestId('access-request').innerText()).toMatch(/Blocked website request A-1/);
    // The navigation marks the page once the shell has read the link: wait for it, then count.
    await navigation(page).getByRole('tab', { name: 'Blocked website requests', selected: true }).waitFor();
    expect(await navigation(page).getByRole('tab', { name: 'Blocked website requests', selected: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Back to all requests' }).click();
    await page.getByTestId('access-request-row').first().waitFor();
    await page.close();
  });

  it('opens with Waiting for me when a link names no page', async () => {
    const page = await tab.pageAs('headteacher');
    await page.goto(`${tab.app.url}/tab/`);
    await page.getByTestId('waiting-counts').waitFor();
    expect(await navigation(page).getByRole('tab', { selected: true }).innerText()).toBe('Waiting for me');
    await page.close();
  });

  it('is used from the keyboard: the arrow keys move between the pages (wrapping), Enter opens one, Tab reaches only the open one', async () => {
    const page = await tab.pageAs('staff');
    await page.goto(`${tab.app.url}/tab/?view=training`);
    const focused = () => page.locator(':focus').innerText();
    await navigation(page).getByRole('tab', { name: 'Training', selected: true }).waitFor();
    await navigation(page).getByRole('tab', { name: 'Training' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Policies');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Approved devices');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Waiting for me');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Approved devices');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Blocked website requests');
    // Moving the focus opens nothing; Enter does.
    expect(await navigation(page).getByRole('tab', { selected: true }).innerText()).toBe('Training');
    await page.keyboard.press('Enter');
    await navigation(page).getByRole('tab', { name: 'Blocked website requests', selected: true }).waitFor();
    // Tab goes into the page once it has loaded (while it loads there is nothing in it to reach).
    await page
      .getByRole('button', { name: /^Open request/ })
      .first()
      .waitFor();
    // One Tab stop for the whole navigation, the open page: Shift+Tab leaves it, Tab comes back to it.
    await page.keyboard.press('Shift+Tab');
    expect(await page.locator(':focus').getAttribute('role')).not.toBe('tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Blocked website requests');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('role')).not.toBe('tab');
    await page.close();
  });

  it('raised no errors in the pages', () => {
    expect(tab.problems).toEqual([]);
  });
});
