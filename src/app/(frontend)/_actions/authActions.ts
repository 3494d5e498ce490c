'use server'

import config from '@payload-config'
import { login, logout } from '@payloadcms/next/auth'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { MIN_PASSWORD_LENGTH } from '@/collections/users/passwordPolicy'
import { safeCallbackPath } from 'payload-plugin-storefront'

/** What a form shows after a refused submission: the sentence, and what was typed (never a password). */
export type AuthFormState = { error?: string; email?: string; name?: string }

function field(formData: FormData, name: string): string {
  const value = formData.get(name)
  return typeof value === 'string' ? value.trim() : ''
}

/** Adds `key=value` to a same-site path, before any #fragment. */
function withQueryParam(path: string, key: string, value: string): string {
  const [beforeHash, hash] = path.split('#', 2)
  const separator = beforeHash.includes('?') ? '&' : '?'
  return `${beforeHash}${separator}${key}=${encodeURIComponent(value)}${hash !== undefined ? `#${hash}` : ''}`
}

/**
 * Where to go after signing in or up: the same-site callbackUrl, marked `buy=1` when the shopper
 * pressed Buy before signing in, so the product page starts checkout by itself.
 */
function destinationAfterSignIn(formData: FormData, fallback: string): string {
  const path = safeCallbackPath(formData.get('callbackUrl'), fallback)
  return formData.get('intent') === 'buy' ? withQueryParam(path, 'buy', '1') : path
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
      error:
        'That email and password do not match an account, or the account is locked for a few minutes after too many attempts. Check them, reset your password, or create an account.',
      email,
    }
  }
  redirect(destinationAfterSignIn(formData, '/products/account'))
}

/** Creates a customer account (roles are never taken from the form) and signs it in. */
export async function signUp(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = field(formData, 'email')
  const name = field(formData, 'name')
  const password = formData.get('password')
  if (!email || !/^\S+@\S+\.\S+$/.test(email))
    return { error: 'Enter a valid email address, like name@example.com.', email, name }
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return {
      error: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
      email,
      name,
    }
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
      name,
    }
  }
  await login({ collection: 'users', config, email, password })
  redirect(destinationAfterSignIn(formData, '/products/account?welcome=1'))
}

export async function signOut(): Promise<void> {
  await logout({ config })
  redirect('/')
}
