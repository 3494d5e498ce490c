'use server'

import { headers } from 'next/headers'

import {
  isStorefrontError,
  requestSignInLink,
  getStorefrontOptions,
} from 'payload-plugin-storefront'

import { getPayloadClient } from '../_data/getPayloadClient'

export type SignInLinkState = { message?: string; error?: string; email?: string }

/**
 * Asks the plugin for a one-time sign-in link (the same operation as POST /api/sign-in-link), so
 * the form works without JavaScript. Limits and refusals come back as the plugin's sentence.
 */
export async function emailSignInLink(
  _state: SignInLinkState,
  formData: FormData,
): Promise<SignInLinkState> {
  const email = String(formData.get('email') ?? '').trim()
  const payload = await getPayloadClient()
  const incoming = await headers()
  const ip =
    incoming.get('x-forwarded-for')?.split(',')[0]?.trim() ||
    incoming.get('x-real-ip')?.trim() ||
    'unknown'
  try {
    const { message } = await requestSignInLink({
      payload,
      options: getStorefrontOptions(payload),
      email,
      ip,
      callbackUrl: formData.get('callbackUrl'),
    })
    return { message }
  } catch (error) {
    if (isStorefrontError(error)) return { error: error.message, email }
    payload.logger.error({ err: error }, 'A sign-in link could not be requested.')
    return { error: 'Something went wrong on our side. Please try again in a moment.', email }
  }
}
