import type { Metadata } from 'next'

import Link from 'next/link'

import { AuthForm } from '@/components/AuthForm'
import { safeCallbackPath } from 'payload-plugin-storefront'

import { signIn } from '../_actions/authActions'

export const metadata: Metadata = { title: 'Sign in' }

type Args = { searchParams: Promise<{ callbackUrl?: string }> }

export default async function LoginPage({ searchParams }: Args) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, '/products/account')
  return (
    <section className="auth">
      <h1>Sign in</h1>
      <AuthForm
        action={signIn}
        callbackUrl={callbackUrl}
        submitLabel="Sign in"
        pendingLabel="Signing in…"
      />
      <p>
        New here?{' '}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
    </section>
  )
}
