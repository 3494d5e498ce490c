import type { CollectionConfig } from 'payload'

import { hasRole } from './users/hasRole'

/** Public images for the storefront (product pictures). Product files live in private/products instead. */
export const Media: CollectionConfig = {
  slug: 'media',
  access: {
    read: () => true,
    create: ({ req: { user } }) => hasRole(user, 'admin', 'editor'),
    update: ({ req: { user } }) => hasRole(user, 'admin', 'editor'),
    delete: ({ req: { user } }) => hasRole(user, 'admin', 'editor'),
  },
  admin: {
    hidden: ({ user }) => !hasRole(user as Parameters<typeof hasRole>[0], 'admin', 'editor'),
  },
  upload: { staticDir: 'media', mimeTypes: ['image/*'] },
  fields: [{ name: 'alt', type: 'text', required: true }],
}
