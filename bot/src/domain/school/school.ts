/** Facts about the school that the app shows; everything here is data, never code. */
export interface School {
  name: string;
  /** Who staff should ask when the app does not know them. */
  contactForAccess: string;
}
