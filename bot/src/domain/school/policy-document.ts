/** An entry of the policy register (s.1, s.2, s.12). */
export interface PolicyDocument {
  id: string;
  title: string;
  approvedOn?: string;
  reviewCycleMonths?: number;
  nextReviewDue?: string;
  /** True for policies the app manages; the related policies of s.1 are listed for reference. */
  managedHere: boolean;
}
