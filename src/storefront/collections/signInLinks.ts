import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { staffReadNobodyWrites } from '../access'
import { SIGN_IN_LINK_REQUESTS_SLUG, SIGN_IN_LINKS_SLUG } from '../constants'

const readOnly = { readOnly: true } as const

/**
 * One-time sign-in links. Only the SHA-256 of the token is stored: a leaked table cannot sign
 * anyone in. Written and read only by the plugin's operations (Local API); staff may look.
 */
export function createSignInLinksCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  return {
    slug: SIGN_IN_LINKS_SLUG,
    admin: {
      group: 'Shop',
      hidden: true,
      useAsTitle: 'email',
      defaultColumns: ['email', 'expiresAt', 'usedAt', 'createdAt'],
    },
    access: staffReadNobodyWrites(options.staffRoles),
    fields: [
      {
        name: 'tokenHash',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        admin: readOnly,
      },
      {
        name: 'user',
        type: 'relationship',
        relationTo: options.usersSlug as CollectionSlug,
        required: true,
        index: true,
        admin: readOnly,
      },
      // Lowercased, as asked for: the link works only together with this email.
      { name: 'email', type: 'text', required: true, admin: readOnly },
      // Same-site path to return to; checked again when the link is used.
      { name: 'callbackPath', type: 'text', required: true, admin: readOnly },
      { name: 'expiresAt', type: 'date', required: true, admin: readOnly },
      { name: 'usedAt', type: 'date', admin: readOnly },
    ],
  }
}

/**
 * Each request for a sign-in link, known account or not (so the limit itself tells nothing).
 * Stored in the database so the limit holds across app instances. The email is hashed.
 */
export function createSignInLinkRequestsCollection(
  options: ResolvedStorefrontOptions,
): CollectionConfig {
  return {
    slug: SIGN_IN_LINK_REQUESTS_SLUG,
    admin: { group: 'Shop', hidden: true, defaultColumns: ['ip', 'createdAt'] },
    access: staffReadNobodyWrites(options.staffRoles),
    fields: [
      { name: 'emailHash', type: 'text', required: true, index: true, admin: readOnly },
      { name: 'ip', type: 'text', required: true, index: true, admin: readOnly },
    ],
  }
}
