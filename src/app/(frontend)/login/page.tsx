import type { Metadata } from 'next'

import Link from 'next/link'

import { AuthForm } from '@/components/AuthForm'
import { SignInLinkForm } from '@/components/SignInLinkForm'
import { safeCallbackPath } from 'payload-plugin-storefront'

import { signIn } from '../_actions/authActions'
import { productFromCallback } from '../_data/productFromCallback'

export const metadata: Metadata = { title: 'Sign in' }

type Args = { searchParams: Promise<{ callbackUrl?: string; intent?: string }> }

export default async function LoginPage({ searchParams }: Args) {
  const query = await searchParams
  const callbackUrl = safeCallbackPath(query.callbackUrl, '/products/account')
  const product = await productFromCallback(callbackUrl)
  const buying = query.intent === 'buy' && product !== null
  const carry = `callbackUrl=${encodeURIComponent(callbackUrl)}${buying ? '&intent=buy' : ''}`
  return (
    <section className="auth">
      <h1>{buying ? `Sign in to buy ${product.title}` : 'Sign in'}</h1>
      {buying ? (
        <p className="lead">Checkout starts as soon as you are signed in.</p>
      ) : product ? (
        <p className="lead">You will come back to {product.title}.</p>
      ) : null}
      <AuthForm
        action={signIn}
        callbackUrl={callbackUrl}
        intent={buying ? 'buy' : undefined}
        submitLabel="Sign in"
        pendingLabel="Signing in…"
      />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <section
        id="sign-in-link"
        className="auth-alternative"
        aria-labelledby="sign-in-link-heading"
      >
        <h2 id="sign-in-link-heading">Or get a one-time sign-in link</h2>
        <p className="lead">We email you a link that signs you in once, within 15 minutes.</p>
        <SignInLinkForm
          callbackUrl={
            buying ? `${callbackUrl}${callbackUrl.includes('?') ? '&' : '?'}buy=1` : callbackUrl
          }
        />
      </section>
      <p>
        New here? <Link href={`/signup?${carry}`}>Create an account</Link>
      </p>
    </section>
  )
}
