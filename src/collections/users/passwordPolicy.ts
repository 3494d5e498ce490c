import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

/** The shortest password an account may have; the sign-up form says the same. */
export const MIN_PASSWORD_LENGTH = 8

/**
 * The password rule lives on the collection, so every way to set a password keeps it: REST and
 * GraphQL sign-up, the admin's create-first-user, a password change and a reset. (Payload's own
 * check only asks for 3 characters.)
 */
export const enforcePasswordLength: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (typeof password === 'string' && password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          path: 'password',
          message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
        },
      ],
    })
  }
}
