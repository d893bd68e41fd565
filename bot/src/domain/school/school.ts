import { z } from 'zod';
import { optionalText, requiredText } from '../validation/typed-text';

/** Facts about the school that the app shows; everything here is data, never code. */
export interface School {
  name: string;
  /** Who staff should ask when the app does not know them. */
  contactForAccess: string;
  /**
   * The senior leader and the governor named for filtering and monitoring, who review it at least
   * once a year (DfE "Filtering and monitoring standards for schools and colleges"); empty until entered.
   */
  filteringLead?: string;
  filteringGovernor?: string;
}

/** What the cards say until the school has entered its own details in School settings. */
export const UNNAMED_SCHOOL: School = { name: 'your school', contactForAccess: 'your online safety lead' };

/** The school's details as the headteacher or the admin team enter them in School settings. */
export const schoolInputSchema = z.object({
  name: requiredText('School name', 120),
  contactForAccess: requiredText('Who staff should ask', 120),
  filteringLead: optionalText('Senior leader for filtering and monitoring', 120),
  filteringGovernor: optionalText('Governor for filtering and monitoring', 120),
});
