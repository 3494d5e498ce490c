import type { FieldHook } from 'payload'

import { hasRole } from './hasRole'

/**
 * Public sign-up (POST /api/users, GraphQL createUser) always yields a customer, whatever the body
 * says. Only an admin, trusted server code on the Local API (seed, scripts), or the admin's
 * "create first user" screen on an empty database decides the roles of a new account.
 */
export const forceCustomerRoleOnSignUp: FieldHook = async ({ operation, req, value }) => {
  if (operation !== 'create') return value
  if (req.payloadAPI === 'local' || hasRole(req.user as never, 'admin')) return value
  if (
    req.pathname?.endsWith('/users/first-register') &&
    (await req.payload.count({ collection: 'users', req })).totalDocs === 0
  ) {
    return Array.isArray(value) && value.length > 0 ? value : ['admin']
  }
  return ['customer']
}
