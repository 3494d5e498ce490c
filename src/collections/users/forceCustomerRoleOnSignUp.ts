import type { FieldHook } from 'payload'

import { hasRole } from './hasRole'

/**
 * Public sign-up (POST /api/users, GraphQL createUser) always yields a customer, whatever the body says.
 * Only an admin, or trusted server code on the Local API (seed, scripts), creates staff accounts.
 */
export const forceCustomerRoleOnSignUp: FieldHook = ({ operation, req, value }) => {
  if (operation !== 'create') return value
  if (req.payloadAPI === 'local' || hasRole(req.user as never, 'admin')) return value
  return ['customer']
}
