/** `GET /api/me`: who is signed in and what the tab offers them. `can` only shapes the tab; every route checks again. */
export interface Me {
  id: string;
  displayName: string;
  roles: string[];
  can: {
    seeConsent: boolean;
    recordConsent: boolean;
    importPupils: boolean;
    exportConsent: boolean;
    seeAccounts: boolean;
    manageAccounts: boolean;
    seeDevices: boolean;
    manageDevices: boolean;
    seeReadiness: boolean;
    seeSettings: boolean;
    /** The incident log: the roles the policy names, and anyone an incident is assigned to. */
    seeIncidents: boolean;
    seePupilChronology: boolean;
  };
  localMode: boolean;
  personas: { id: string; displayName: string; roles: string[] }[];
}

/** Every refusal or failure the API answers carries a sentence for the person. */
export interface ApiFailure {
  error?: string;
  message?: string;
}
