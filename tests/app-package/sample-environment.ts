/** Values provision would write for a school's environment, for tests that resolve the manifest. */
export const SAMPLE_VALUES: Record<string, string> = {
  APP_NAME_SUFFIX: '',
  TEAMS_APP_ID: '6f0e1c2a-1b2c-4d5e-8f90-0a1b2c3d4e5f',
  BOT_ID: '7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  AAD_APP_CLIENT_ID: '8b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e',
  TAB_DOMAIN: 'osdeskk3x9q2.azurewebsites.net',
  TAB_ENDPOINT: 'https://osdeskk3x9q2.azurewebsites.net',
  SCHOOL_NAME: 'Riverside Primary School',
  SCHOOL_WEBSITE_URL: 'https://www.riverside.example.org/',
  SCHOOL_PRIVACY_URL: 'https://www.riverside.example.org/privacy',
  SCHOOL_TERMS_URL: 'https://www.riverside.example.org/acceptable-use',
};

export function envFileText(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value.trim() === value ? value : `"${value}"`}`)
    .join('\n');
}
