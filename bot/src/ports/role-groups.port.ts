/** An Entra ID security group that gives a role, as the directory sees it now. */
export interface RoleGroupFacts {
  displayName: string;
  /** Enabled people in it, nested groups counted once. */
  people: number;
}

export interface RoleGroups {
  /** Undefined when no group has this id. */
  describe(groupId: string): Promise<RoleGroupFacts | undefined>;
}
