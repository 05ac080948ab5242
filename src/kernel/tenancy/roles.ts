export const ROLES = ['owner', 'admin', 'member', 'shopfloor', 'viewer', 'advisor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin may hand out; only owners create owners. */
export const ADMIN_GRANTABLE_ROLES: readonly Role[] = ['admin', 'member', 'shopfloor', 'viewer', 'advisor'];
