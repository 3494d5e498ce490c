'use server'

import config from '@payload-config'
import { login } from '@payloadcms/next/auth'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { MIN_PASSWORD_LENGTH } from '@/collections/users/passwordPolicy'

export type ForgotPasswordState = { sentTo?: string; error?: string; email?: string }

export type ResetPasswordState = { error?: string; expired?: boolean }

const EMAIL_SHAPE = /^\S+@\S+\.\S+$/

/**
 * Payload's forgot-password operation. The answer is the same whether or not an account has this
 * email (and whether or not the email could be sent), so the form never tells who has an account.
 */
export async function requestPasswordReset(
  _state: ForgotPasswordState,
  formData: FormData,
): Promise<ForgotPasswordState> {
  const email = String(formData.get('email') ?? '').trim()
  if (!EMAIL_SHAPE.test(email))
    return { error: 'Enter the email address of your account, like name@example.com.', email }
  const payload = await getPayload({ config })
  try {
    await payload.forgotPassword({ collection: 'users', data: { email } })
  } catch (error) {
    payload.logger.error({ err: error }, 'A password reset email could not be sent.')
  }
  return { sentTo: email }
}

/**
 * Payload's reset-password operation, then a normal sign-in with the new password (the same
 * session cookie as the sign-in form). A used, unknown or expired token gets a page that says so.
 */
export async function resetPassword(
  _state: ResetPasswordState,
  formData: FormData,
): Promise<ResetPasswordState> {
  const token = String(formData.get('token') ?? '')
  const password = formData.get('password')
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return { error: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` }
  const payload = await getPayload({ config })
  let email: string
  try {
    const result = await payload.resetPassword({
      collection: 'users',
      data: { token, password },
      overrideAccess: true,
    })
    email = String((result.user as { email?: unknown }).email ?? '')
  } catch (error) {
    const name = (error as { name?: string }).name
    if (name === 'ValidationError')
      return { error: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` }
    return { expired: true }
  }
  await login({ collection: 'users', config, email, password })
  redirect('/products/account?passwordReset=1')
}
