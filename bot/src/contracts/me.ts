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
    /** The governors' page: governors, the chair and the headteacher. */
    seeGovernance: boolean;
    /** The annual filtering and monitoring review pack. */
    seeFilteringReview: boolean;
    /** The incident log: the roles the policy names, and anyone an incident is assigned to. */
    seeIncidents: boolean;
    seePupilChronology: boolean;
    /** Leavers' safeguarding files to send to their next school: the DSL and the deputies. */
    transferPupilFiles: boolean;
  };
  localMode: boolean;
  personas: { id: string; displayName: string; roles: string[] }[];
}

/** Every refusal or failure the API answers carries a sentence for the person. */
export interface ApiFailure {
  error?: string;
  message?: string;
}
