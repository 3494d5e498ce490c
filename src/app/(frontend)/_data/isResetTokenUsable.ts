import { getPayloadClient } from './getPayloadClient'

/**
 * Whether a password-reset token from an email still works: the same check Payload's
 * reset-password operation makes (token stored on a user, expiry in the future), asked before
 * the form is shown so a used or expired link gets a clear page instead of a form that fails.
 */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  if (!/^[a-f0-9]{20,128}$/i.test(token)) return false
  const payload = await getPayloadClient()
  const user = await payload.db.findOne({
    collection: 'users',
    where: {
      and: [
        { resetPasswordToken: { equals: token } },
        { resetPasswordExpiration: { greater_than: new Date().toISOString() } },
      ],
    },
  })
  return user !== null
}
