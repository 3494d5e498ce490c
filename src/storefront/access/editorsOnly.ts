import type { Access } from 'payload'

import { userHasRole } from '../utilities/userHasRole'

export const editorsOnly =
  (editorRoles: readonly string[]): Access =>
  ({ req }) =>
    userHasRole(req.user, editorRoles)
