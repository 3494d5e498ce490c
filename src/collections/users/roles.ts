export const ROLES = ['admin', 'editor', 'support', 'customer'] as const

export type Role = (typeof ROLES)[number]

/** Roles that may sign in to /admin. Customers use the storefront only. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'editor', 'support']
