import type { Access } from 'payload'

import { userHasRole } from '../utilities/userHasRole'

export const staffOnly =
  (staffRoles: readonly string[]): Access =>
  ({ req }) =>
    userHasRole(req.user, staffRoles)
