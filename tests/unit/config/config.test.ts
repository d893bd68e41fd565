import { ConfigError, loadConfig } from '../../../bot/src/config';

const ROOT = '/srv/osd';

describe('configuration', () => {
  it('runs locally with no settings at all: port 3978, ./data, bound to this machine', () => {
    expect(loadConfig({}, ROOT)).toMatchObject({ mode: 'local', port: 3978, host: '127.0.0.1', dataDir: '/srv/osd/data' });
  });

  it.each(['0.0.0.0', '192.168.1.20', '::', 'example.org'])(
    'refuses local anonymous mode on %s (anyone could post unsigned activities)',
    (host) => {
      expect(() => loadConfig({ HOST: host }, ROOT)).toThrow(/Refusing to start: local mode/);
    },
  );

  it.each(['localhost', '::1', '127.0.0.1'])('allows local mode on loopback %s', (host) => {
    expect(loadConfig({ HOST: host }, ROOT).mode).toBe('local');
  });

  it('runs for real when the bot is registered, on any address', () => {
    const config = loadConfig(
      { BOT_ID: 'app-id', BOT_PASSWORD: 'secret', BOT_TENANT_ID: 'tenant', HOST: '0.0.0.0', PORT: '8080', DATA_DIR: '/var/osd' },
      ROOT,
    );
    expect(config).toMatchObject({
      mode: 'teams',
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/osd',
      bot: { appId: 'app-id', appType: 'SingleTenant', tenantId: 'tenant' },
    });
  });

  it("serves only the school's tenant(s) once registered, and turns on Teams SSO with the toolkit's settings", () => {
    const config = loadConfig(
      { BOT_ID: 'id', BOT_PASSWORD: 's', BOT_TENANT_ID: 't1', ALLOWED_TENANT_IDS: 't2, t1', AAD_APP_CLIENT_ID: 'tab-app' },
      ROOT,
    );
    expect(config.allowedTenants).toEqual(['t1', 't2']);
    expect(config.sso).toEqual({ clientId: 'tab-app', allowedTenants: ['t1', 't2'], loginBaseUrl: 'https://login.microsoftonline.com' });
    expect(() =>
      loadConfig(
        { AAD_APP_CLIENT_ID: 'tab-app', AAD_APP_TENANT_ID: 't', AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.evil.example' },
        ROOT,
      ),
    ).toThrow(/AAD_APP_OAUTH_AUTHORITY_HOST/);
    expect(() => loadConfig({ AAD_APP_CLIENT_ID: 'tab-app' }, ROOT)).toThrow(/AAD_APP_TENANT_ID/);
  });

  it('names every missing setting for a registered bot', () => {
    expect(() => loadConfig({ BOT_ID: 'app-id' }, ROOT)).toThrow(
      'BOT_ID is set, so the bot runs for real and also needs: BOT_TENANT_ID, BOT_PASSWORD.',
    );
  });

  it('needs no password for a user-assigned managed identity', () => {
    expect(loadConfig({ BOT_ID: 'id', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 't' }, ROOT).bot.appType).toBe('UserAssignedMSI');
  });

  const SHAREPOINT = {
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID: 'site',
    SHAREPOINT_RECORDS_SITE_ID: 'records',
    GRAPH_TENANT_ID: 'tenant',
    GRAPH_CLIENT_ID: 'client',
    GRAPH_CLIENT_SECRET: 'secret',
  };

  it('keeps records in SQLite unless told otherwise', () => {
    expect(loadConfig({}, ROOT)).toMatchObject({ store: { kind: 'sqlite' }, directory: { kind: 'store' } });
  });

  it('uses SharePoint through Graph with a client secret, a certificate or the managed identity', () => {
    expect(loadConfig(SHAREPOINT, ROOT).store).toEqual({
      kind: 'sharepoint',
      sites: { working: 'site', records: 'records' },
      graphBaseUrl: 'https://graph.microsoft.com',
      organisation: 'School',
      tenantId: 'tenant',
      clientId: 'client',
      credential: { kind: 'secret', clientSecret: 'secret' },
    });
    const { GRAPH_CLIENT_SECRET: _secret, ...withoutSecret } = SHAREPOINT;
    expect(
      loadConfig({ ...withoutSecret, GRAPH_CERTIFICATE_PATH: '/k.pem', GRAPH_CERTIFICATE_THUMBPRINT: 'AB' }, ROOT).store,
    ).toMatchObject({ credential: { kind: 'certificate', privateKeyPath: '/k.pem', thumbprintSha256: 'AB' } });
    const inAzure = {
      ...withoutSecret,
      GRAPH_CREDENTIAL: 'managedIdentity',
      GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'mi',
      IDENTITY_ENDPOINT: 'http://169.254.129.2:8081/msi/token',
      IDENTITY_HEADER: 'h',
    };
    expect(loadConfig(inAzure, ROOT).store).toMatchObject({
      credential: {
        kind: 'managedIdentity',
        managedIdentityClientId: 'mi',
        identityEndpoint: 'http://169.254.129.2:8081/msi/token',
        identityHeader: 'h',
      },
    });
  });

  it.each([
    [{ GRAPH_CREDENTIAL: 'password' }, 'GRAPH_CREDENTIAL must be managedIdentity, certificate or secret; it is "password".'],
    [{ GRAPH_CREDENTIAL: 'managedIdentity' }, 'GRAPH_CREDENTIAL=managedIdentity also needs: GRAPH_MANAGED_IDENTITY_CLIENT_ID.'],
    [
      { GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'mi' },
      'GRAPH_CREDENTIAL=managedIdentity (only in Azure App Service, which sets them) also needs: IDENTITY_ENDPOINT, IDENTITY_HEADER.',
    ],
    [
      { GRAPH_CREDENTIAL: 'certificate', GRAPH_CERTIFICATE_PATH: '/k.pem' },
      'GRAPH_CREDENTIAL=certificate also needs: GRAPH_CERTIFICATE_THUMBPRINT.',
    ],
    [{ GRAPH_CLIENT_SECRET: 's', GRAPH_CLIENT_SECRET_EXPIRES_ON: 'next May' }, /GRAPH_CLIENT_SECRET_EXPIRES_ON must be a date/],
  ])('refuses an incomplete credential %j, saying what is missing', (credential, message) => {
    const { GRAPH_CLIENT_SECRET: _secret, ...withoutSecret } = SHAREPOINT;
    expect(() => loadConfig({ ...withoutSecret, ...credential }, ROOT)).toThrow(message);
  });

  it('lets the tabs act as the person with the Graph credential when it is the same app registration (no secret in Azure)', () => {
    const azure = {
      BOT_ID: 'mi',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: 't',
      AAD_APP_CLIENT_ID: 'client',
      AAD_APP_TENANT_ID: 't',
      STORE: 'sharepoint',
      SHAREPOINT_SITE_ID: 'site',
      SHAREPOINT_RECORDS_SITE_ID: 'records',
      GRAPH_CLIENT_ID: 'client',
      GRAPH_CREDENTIAL: 'managedIdentity',
      GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'mi',
      IDENTITY_ENDPOINT: 'http://localhost:4141/msi/token',
      IDENTITY_HEADER: 'h',
    };
    expect(loadConfig(azure, ROOT).sso?.onBehalfOf).toEqual({
      credential: expect.objectContaining({ kind: 'managedIdentity' }),
      tenantId: 't',
      graphBaseUrl: 'https://graph.microsoft.com',
    });
    expect(loadConfig({ ...azure, GRAPH_CLIENT_ID: 'another-app' }, ROOT).sso?.onBehalfOf).toBeUndefined();
    expect(loadConfig({ ...azure, AAD_APP_CLIENT_SECRET: 'dev-secret' }, ROOT).sso?.onBehalfOf?.credential).toEqual({
      kind: 'secret',
      clientSecret: 'dev-secret',
    });
  });

  it('sends the Graph token to Microsoft Graph only (or a stand-in on this machine)', () => {
    expect(() => loadConfig({ ...SHAREPOINT, GRAPH_BASE_URL: 'https://graph.evil.example' }, ROOT)).toThrow(
      /GRAPH_BASE_URL must be https:\/\/graph.microsoft.com/,
    );
    expect(loadConfig({ ...SHAREPOINT, GRAPH_BASE_URL: 'http://127.0.0.1:4567' }, ROOT).store).toMatchObject({
      graphBaseUrl: 'http://127.0.0.1:4567',
    });
  });

  it('names every missing SharePoint setting at once', () => {
    expect(() => loadConfig({ STORE: 'sharepoint' }, ROOT)).toThrow(
      'STORE=sharepoint also needs: SHAREPOINT_SITE_ID, SHAREPOINT_RECORDS_SITE_ID, GRAPH_TENANT_ID, GRAPH_CLIENT_ID, a credential (GRAPH_MANAGED_IDENTITY_CLIENT_ID in Azure, or GRAPH_CERTIFICATE_PATH, or GRAPH_CLIENT_SECRET).',
    );
  });

  describe('the safeguarding records site', () => {
    const TEAMS = { BOT_ID: 'id', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 'tenant' };
    const oneSite = {
      ...SHAREPOINT,
      ...TEAMS,
      SHAREPOINT_SITE_ID: 'school.sharepoint.com,AAA,BBB',
      SHAREPOINT_RECORDS_SITE_ID: 'School.SharePoint.com,aaa,bbb',
    };

    it("refuses to start a school's app whose records site is its working site, whatever the case of the id", () => {
      expect(() => loadConfig(oneSite, ROOT)).toThrow(ConfigError);
      expect(() => loadConfig(oneSite, ROOT)).toThrow(
        /Refusing to start: SHAREPOINT_RECORDS_SITE_ID is the working site .* the headteacher included/,
      );
    });

    it.each([
      ['yes', true],
      ['TRUE', true],
      ['true', false],
    ])(
      'lets a developer tenant keep one site only when SHAREPOINT_ONE_SITE_FOR_DEVELOPER_TENANT is exactly "true" (%s)',
      (value, refused) => {
        const load = () => loadConfig({ ...oneSite, SHAREPOINT_ONE_SITE_FOR_DEVELOPER_TENANT: value }, ROOT);
        if (refused) expect(load).toThrow(/Refusing to start/);
        else expect(load().store).toMatchObject({ sites: { working: 'school.sharepoint.com,AAA,BBB' } });
      },
    );

    it('starts with two sites in Teams mode, and with one site on this machine (a local stand-in)', () => {
      expect(loadConfig({ ...SHAREPOINT, ...TEAMS }, ROOT).store).toMatchObject({ sites: { working: 'site', records: 'records' } });
      expect(loadConfig({ ...SHAREPOINT, SHAREPOINT_RECORDS_SITE_ID: 'site' }, ROOT).mode).toBe('local');
    });
  });

  it('takes roles from Entra ID groups when they are configured, and names the missing ones', () => {
    const groups = {
      ROLE_GROUP_STAFF: 'g-staff',
      ROLE_GROUP_ONLINE_SAFETY_LEAD: 'g-lead',
      ROLE_GROUP_HEADTEACHER: 'g-head',
      ROLE_GROUP_ICT_TECHNICIAN: 'g-ict',
    };
    expect(loadConfig({ ...SHAREPOINT, ...groups }, ROOT).directory).toEqual({
      kind: 'entra',
      roleGroups: { staff: 'g-staff', onlineSafetyLead: 'g-lead', headteacher: 'g-head', ictTechnician: 'g-ict' },
    });
    expect(() => loadConfig({ ...SHAREPOINT, ROLE_GROUP_STAFF: 'g' }, ROOT)).toThrow(
      'ROLE_GROUP_ONLINE_SAFETY_LEAD, ROLE_GROUP_HEADTEACHER, ROLE_GROUP_ICT_TECHNICIAN',
    );
    expect(() => loadConfig(groups, ROOT)).toThrow(/need STORE=sharepoint/);
  });

  it("keeps a leaver's consent for a set number of months before review (12 unless told)", () => {
    expect(loadConfig({}, ROOT).consentMonthsAfterLeaving).toBe(12);
    expect(loadConfig({ CONSENT_RETENTION_MONTHS: '24' }, ROOT).consentMonthsAfterLeaving).toBe(24);
    expect(() => loadConfig({ CONSENT_RETENTION_MONTHS: 'a year' }, ROOT)).toThrow(
      /CONSENT_RETENTION_MONTHS must be a whole number of months/,
    );
  });

  it.each([
    [undefined, 30],
    ['', 30],
    ['7', 7],
    ['365', 365],
  ])('keeps the photos and videos of a finished request MEDIA_KEEP_DAYS=%p days: %p', (value, days) => {
    expect(loadConfig(value === undefined ? {} : { MEDIA_KEEP_DAYS: value }, ROOT).mediaKeepDays).toBe(days);
  });

  it.each(['0', '-5', '2.5', 'a month', '366'])('refuses MEDIA_KEEP_DAYS=%p, saying what it must be', (value) => {
    expect(() => loadConfig({ MEDIA_KEEP_DAYS: value }, ROOT)).toThrow(/MEDIA_KEEP_DAYS must be a whole number of days from 1 to 365/);
  });

  it.each([
    [{ STORE: 'postgres' }, /STORE must be sqlite or sharepoint/],
    [{ BOT_TYPE: 'MultiTenant' }, /SingleTenant or UserAssignedMSI/],
    [{ PORT: 'eighty' }, /PORT must be a port number/],
    [{ PORT: '70000' }, /PORT must be a port number/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env, ROOT)).toThrow(ConfigError);
    expect(() => loadConfig(env, ROOT)).toThrow(message);
  });
});
