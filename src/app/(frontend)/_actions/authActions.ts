'use server'

import config from '@payload-config'
import { login, logout } from '@payloadcms/next/auth'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { safeCallbackPath } from 'payload-plugin-storefront'

export type AuthFormState = { error?: string; email?: string }

function field(formData: FormData, name: string): string {
  const value = formData.get(name)
  return typeof value === 'string' ? value.trim() : ''
}

/** Signs in with Payload auth (sets the HTTP-only cookie), then returns to a same-site page. */
export async function signIn(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = field(formData, 'email')
  const password = formData.get('password')
  if (!email || typeof password !== 'string' || !password)
    return { error: 'Enter your email and password.', email }
  try {
    await login({ collection: 'users', config, email, password })
  } catch {
    return {
      error: 'That email and password do not match an account. Check them, or create an account.',
      email,
    }
  }
  redirect(safeCallbackPath(formData.get('callbackUrl'), '/products/account'))
}

/** Creates a customer account (roles are never taken from the form) and signs it in. */
export async function signUp(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = field(formData, 'email')
  const name = field(formData, 'name')
  const password = formData.get('password')
  if (!email || !/^\S+@\S+\.\S+$/.test(email))
    return { error: 'Enter a valid email address.', email }
  if (typeof password !== 'string' || password.length < 8)
    return { error: 'Choose a password of at least 8 characters.', email }
  const payload = await getPayload({ config })
  try {
    await payload.create({
      collection: 'users',
      data: { email, password, name: name || undefined, roles: ['customer'] },
    })
  } catch (error) {
    // Taken email (including a sign-up racing this one) or a value Payload refused.
    payload.logger.info({ err: error }, 'Sign-up refused')
    return {
      error:
        'We could not create an account with this email. If you already have one, sign in instead.',
      email,
    }
  }
  await login({ collection: 'users', config, email, password })
  redirect(safeCallbackPath(formData.get('callbackUrl'), '/products'))
}

export async function signOut(): Promise<void> {
  await logout({ config })
  redirect('/')
}
