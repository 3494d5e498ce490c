import type { Access } from 'payload'

import { userHasRole } from '../utilities/userHasRole'

/** Editors read drafts too; everyone else (shoppers, anonymous visitors) sees published products only. */
export const publishedOrEditors =
  (editorRoles: readonly string[]): Access =>
  ({ req }) =>
    userHasRole(req.user, editorRoles) || { _status: { equals: 'published' } }
