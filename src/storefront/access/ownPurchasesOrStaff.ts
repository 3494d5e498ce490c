import type { Access } from 'payload'

import { userHasRole } from '../utilities/userHasRole'

/** Staff read every purchase; a shopper only their own; anonymous visitors none. */
export const ownPurchasesOrStaff =
  (staffRoles: readonly string[]): Access =>
  ({ req: { user } }) => {
    if (!user) return false
    if (userHasRole(user, staffRoles)) return true
    return { user: { equals: user.id } }
  }
