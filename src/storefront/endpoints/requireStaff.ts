import type { PayloadRequest } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { userHasRole } from '../access'
import { StorefrontError } from '../errors'
import { isCrossSiteCookieRequest } from './http'

/**
 * Staff only: 401 for nobody signed in, 403 for anyone without a staff role, or for a cookie
 * sent from another site.
 */
export function requireStaff(
  req: PayloadRequest,
  options: ResolvedStorefrontOptions,
  doing = 'change purchases',
) {
  const user = req.user
  if (!user || user.collection !== options.usersSlug)
    throw new StorefrontError('Sign in to the admin as support staff to do this.', 401)
  if (!userHasRole(user, options.staffRoles) || isCrossSiteCookieRequest(req))
    throw new StorefrontError(
      `Only support staff (${options.staffRoles.join(', ')}) can ${doing}.`,
      403,
    )
  return user
}
