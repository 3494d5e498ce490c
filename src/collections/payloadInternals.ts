import type { Access, CollectionBeforeOperationHook, SanitizedConfig } from 'payload'

import { hasRole } from './users/hasRole'
import { STAFF_ROLES } from './users/roles'

/** The most documents one REST or GraphQL list request returns. */
export const MAX_LIST_LIMIT = 100

/**
 * Caps list reads from REST and GraphQL at MAX_LIST_LIMIT: `limit=100000`, `limit=0` and
 * `pagination=false` (both "everything" to Payload) become one page of MAX_LIST_LIMIT. Server code
 * on the Local API (seed, jobs, pages that page themselves) is not limited.
 */
export const capListLimit: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI === 'local') return args
  const { limit, pagination } = args as { limit?: unknown; pagination?: unknown }
  const unbounded =
    pagination === false ||
    (limit !== undefined &&
      (typeof limit !== 'number' ||
        !Number.isFinite(limit) ||
        limit <= 0 ||
        limit > MAX_LIST_LIMIT))
  return unbounded ? { ...args, limit: MAX_LIST_LIMIT, pagination: true } : args
}

const staffOnly: Access = ({ req: { user } }) => hasRole(user, ...STAFF_ROLES)

/**
 * Access for the collections Payload adds itself that otherwise let every signed-in user (a
 * customer too) read and write them. `payload-locked-documents` holds the admin's edit locks: a
 * customer could lock a product or an admin's account and make every staff save answer 423. Only
 * staff, who edit in the admin, lock. (`payload-jobs` and `payload-preferences` have their own
 * access; `payload-migrations` is not served over REST or GraphQL.)
 */
const INTERNAL_ACCESS: Record<string, Access> = {
  'payload-locked-documents': staffOnly,
}

/**
 * Applied to the sanitized config, because Payload adds its internal collections during
 * sanitization, after plugins ran: there is no earlier place to set their access or hooks.
 */
export function hardenPayloadInternals(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    const hooks = collection.hooks
    hooks.beforeOperation = [...(hooks.beforeOperation ?? []), capListLimit]
    const access = INTERNAL_ACCESS[collection.slug]
    if (access) {
      collection.access = {
        ...collection.access,
        read: access,
        create: access,
        update: access,
        delete: access,
      }
    }
  }
  // Payload adds `payload-jobs-stats` when a task has a schedule (the reconciliation sweep): when
  // each schedule last fired. Any signed-in user could otherwise rewrite it and stop the sweep.
  for (const global of config.globals ?? []) {
    if (global.slug !== 'payload-jobs-stats') continue
    global.access = { ...global.access, read: staffOnly, update: staffOnly }
  }
  return config
}
