import type { Metadata } from 'next'

import Link from 'next/link'

import { MIN_PASSWORD_LENGTH } from '@/collections/users/passwordPolicy'
import { AuthForm } from '@/components/AuthForm'
import { safeCallbackPath } from 'payload-plugin-storefront'

import { signUp } from '../_actions/authActions'
import { productFromCallback } from '../_data/productFromCallback'

export const metadata: Metadata = { title: 'Create an account' }

type Args = { searchParams: Promise<{ callbackUrl?: string; intent?: string }> }

export default async function SignupPage({ searchParams }: Args) {
  const query = await searchParams
  // No callbackUrl: the new shopper lands on their account with a welcome.
  const callbackUrl = safeCallbackPath(query.callbackUrl, '/products/account?welcome=1')
  const product = await productFromCallback(callbackUrl)
  const buying = query.intent === 'buy' && product !== null
  const carry = `callbackUrl=${encodeURIComponent(callbackUrl)}${buying ? '&intent=buy' : ''}`
  return (
    <section className="auth">
      <h1>{buying ? `Create an account to buy ${product.title}` : 'Create an account'}</h1>
      {buying ? <p className="lead">Checkout starts as soon as your account is ready.</p> : null}
      <AuthForm
        action={signUp}
        callbackUrl={callbackUrl}
        intent={buying ? 'buy' : undefined}
        submitLabel="Create account"
        pendingLabel="Creating account…"
        withName
        minPasswordLength={MIN_PASSWORD_LENGTH}
      />
      <p>
        Already have an account? <Link href={`/login?${carry}`}>Sign in</Link>
      </p>
    </section>
  )
}
