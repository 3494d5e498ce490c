import type { PayloadRequest } from 'payload'

/** True when the signed-in user carries one of `roles` in its `roles` field. */
export function userHasRole(user: PayloadRequest['user'], roles: readonly string[]): boolean {
  const userRoles: unknown = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(userRoles) && userRoles.some((role) => roles.includes(role))
}
