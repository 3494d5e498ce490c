import type { Access } from 'payload'

/**
 * Who may do what with the plugin's collections. Roles come from the `roles` field of the
 * signed-in user of the host app's auth collection; the lists are plugin options.
 */

/** True when the signed-in user carries one of `roles` in its `roles` field. */
export function userHasRole(user: unknown, roles: readonly string[]): boolean {
  const userRoles: unknown = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(userRoles) && userRoles.some((role) => roles.includes(role))
}

/** Only users with one of `roles`. */
export const rolesOnly =
  (roles: readonly string[]): Access =>
  ({ req }) =>
    userHasRole(req.user, roles)

/** Editors read drafts too; everyone else (shoppers, anonymous visitors) sees published products only. */
export const publishedOrEditors =
  (editorRoles: readonly string[]): Access =>
  ({ req }) =>
    userHasRole(req.user, editorRoles) || { _status: { equals: 'published' } }

/** Staff read every purchase; a shopper only their own; anonymous visitors none. */
export const ownPurchasesOrStaff =
  (staffRoles: readonly string[]): Access =>
  ({ req: { user } }) => {
    if (!user) return false
    if (userHasRole(user, staffRoles)) return true
    return { user: { equals: user.id } }
  }

/**
 * No writes through REST or GraphQL, for anyone. Fulfilment writes through the Local API on the
 * server (which skips access control), so a forged request can never mint or edit a purchase.
 */
export const nobody: Access = () => false

/**
 * A record only the plugin writes (the downloads log, sign-in links and their requests, the
 * reconciliation runs): staff (`staffRoles`) read it; nobody creates, updates or deletes it through
 * REST or GraphQL.
 */
export const staffReadNobodyWrites = (
  staffRoles: readonly string[],
): { read: Access; create: Access; update: Access; delete: Access } => ({
  read: rolesOnly(staffRoles),
  create: nobody,
  update: nobody,
  delete: nobody,
})
