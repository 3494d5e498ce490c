import type { Metadata } from 'next'

import Link from 'next/link'

import { AuthForm } from '@/components/AuthForm'
import { safeCallbackPath } from 'payload-plugin-storefront'

import { signUp } from '../_actions/authActions'

export const metadata: Metadata = { title: 'Create an account' }

type Args = { searchParams: Promise<{ callbackUrl?: string }> }

export default async function SignupPage({ searchParams }: Args) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, '/products')
  return (
    <section className="auth">
      <h1>Create an account</h1>
      <AuthForm
        action={signUp}
        callbackUrl={callbackUrl}
        submitLabel="Create account"
        pendingLabel="Creating account…"
        withName
      />
      <p>
        Already have an account?{' '}
        <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </section>
  )
}
