// Online Safety Desk in Azure: one Linux App Service (Node 22 LTS) serving the bot, the tabs and their
// API, with a user-assigned managed identity that is also the bot's identity (no bot password) and
// the Entra app's credential for Microsoft Graph (a federated identity credential trusts it: no
// secret is stored anywhere, nothing expires); Application Insights. Deployed by the toolkit's
// arm/deploy action (teamsapp.yml); every output below is written to env/.env.<environment> under
// the same name. The federated credential itself is added to the Entra app once, by hand
// (docs/credentials-and-reach.md): the toolkit's app registration cannot be named in this template.

@maxLength(20)
@minLength(4)
@description('Used to name every resource in this file.')
param resourceBaseName string

@description('App Service plan size. B1 is enough for a primary school.')
param webAppSku string = 'B1'

@description('The Node.js runtime of the App Service: Node 22 LTS (Node 20 reached its end of life in April 2026). package.json engines allows 20.19 to 22.')
param linuxFxVersion string = 'NODE|22-lts'

@maxLength(42)
param botDisplayName string

param location string = resourceGroup().location

@description('The school, as named in Teams and in the User-Agent sent to SharePoint.')
param schoolName string

@allowed(['sharepoint', 'sqlite'])
@description('Where the records live. sqlite keeps them on the App Service file share and is for a trial only.')
param store string = 'sharepoint'

@description('The school\'s working SharePoint site: consent, training, requests (yourschool.sharepoint.com,<guid>,<guid>).')
param sharePointSiteId string = ''

@description('The records site: incidents, their chronology and the audit log, which only the DSL, the deputies and the app can open.')
param sharePointRecordsSiteId string = ''

@description('The Entra app for Teams single sign-on, also used (app-only) for Microsoft Graph.')
param aadAppClientId string
param aadAppTenantId string
param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@description('Object ids of the Entra ID security groups that give each role (empty: roles come from the People list).')
param roleGroupStaff string = ''
param roleGroupOnlineSafetyLead string = ''
param roleGroupHeadteacher string = ''
param roleGroupIctTechnician string = ''
param roleGroupDsl string = ''
param roleGroupDeputyDsl string = ''
param roleGroupAdmin string = ''
param roleGroupGovernor string = ''
param roleGroupChairOfGovernors string = ''
param roleGroupSocialMediaStaff string = ''
param roleGroupDataProtectionLead string = ''
@description('The Teams app\'s manifest id: the app finds its catalogue id by it, for links into its tabs and to install itself.')
param teamsAppId string = ''

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: resourceBaseName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // V8's young generation capped at 4 MiB a semi-space (Node's default is up to 16): the server stays
      // under its 150 MB target (docs/benchmarks.md). scripts/server-node-options.ts: npm start and the bench run the same.
      appCommandLine: 'node --max-semi-space-size=4 dist/bot/src/main.js'
      healthCheckPath: '/healthz'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// What the server reads (bot/src/config.ts), and how App Service builds and watches it.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // The toolkit uploads the built dist/ with package.json and the lockfile; App Service then
    // installs the production dependencies on Linux, so better-sqlite3's native module matches the
    // server whatever machine deployed it.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev'
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    HOST: '0.0.0.0'
    BOT_ID: identity.properties.clientId
    BOT_TYPE: 'UserAssignedMSI'
    BOT_TENANT_ID: identity.properties.tenantId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    STORE: store
    DATA_DIR: '/home/data'
    SHAREPOINT_SITE_ID: sharePointSiteId
    SHAREPOINT_RECORDS_SITE_ID: sharePointRecordsSiteId
    // The SharePoint lists are made or completed by the app itself, with its managed identity, before it serves.
    PROVISION_AT_START: 'true'
    SCHOOL_ORGANISATION: schoolName
    GRAPH_CLIENT_ID: aadAppClientId
    GRAPH_TENANT_ID: aadAppTenantId
    // No secret: the Entra app trusts this identity (a federated identity credential), for the
    // app's own Graph calls and for the tabs' calls as the signed-in person (on-behalf-of).
    GRAPH_CREDENTIAL: 'managedIdentity'
    GRAPH_MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
    ROLE_GROUP_STAFF: roleGroupStaff
    ROLE_GROUP_ONLINE_SAFETY_LEAD: roleGroupOnlineSafetyLead
    ROLE_GROUP_HEADTEACHER: roleGroupHeadteacher
    ROLE_GROUP_ICT_TECHNICIAN: roleGroupIctTechnician
    ROLE_GROUP_DSL: roleGroupDsl
    ROLE_GROUP_DEPUTY_DSL: roleGroupDeputyDsl
    ROLE_GROUP_ADMIN: roleGroupAdmin
    ROLE_GROUP_GOVERNOR: roleGroupGovernor
    ROLE_GROUP_CHAIR_OF_GOVERNORS: roleGroupChairOfGovernors
    ROLE_GROUP_SOCIAL_MEDIA_STAFF: roleGroupSocialMediaStaff
    ROLE_GROUP_DATA_PROTECTION_LEAD: roleGroupDataProtectionLead
    TEAMS_APP_ID: teamsAppId
  }
}

// The Azure Bot registration: single tenant, signed in as the managed identity, Teams channel on.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botDisplayName: botDisplayName
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
  }
}

// Written to env/.env.<environment> by arm/deploy; teamsapp.yml and the app manifest read them.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
// The subject of the federated identity credential the Entra app needs (the identity's object id, not its client id).
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
