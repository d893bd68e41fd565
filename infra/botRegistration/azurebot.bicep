// The Azure Bot for Online Safety Desk: a single-tenant bot signed in as the App Service's
// user-assigned managed identity (new multi-tenant bots can no longer be registered), with the
// Microsoft Teams channel on. Its messaging endpoint is the App Service's /api/messages.

@maxLength(20)
@minLength(4)
@description('Used to name the bot resource.')
param resourceBaseName string

@maxLength(42)
param botDisplayName string

param botServiceName string = resourceBaseName

@description('F0 (free) covers Teams messages, which are not charged.')
param botServiceSku string = 'F0'

param identityResourceId string
param identityClientId string
param identityTenantId string
param botAppDomain string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
    msaAppType: 'UserAssignedMSI'
  }
  sku: {
    name: botServiceSku
  }
}

resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
