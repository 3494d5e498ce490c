import type { Metadata } from 'next'

import Link from 'next/link'

import { ForgotPasswordForm } from '@/components/ForgotPasswordForm'

export const metadata: Metadata = { title: 'Forgot your password?' }

type Args = { searchParams: Promise<{ email?: string }> }

export default async function ForgotPasswordPage({ searchParams }: Args) {
  const { email } = await searchParams
  return (
    <section className="auth">
      <h1>Forgot your password?</h1>
      <p className="lead">
        Enter the email of your account and we will send you a link to choose a new one.
      </p>
      <ForgotPasswordForm email={typeof email === 'string' ? email : undefined} />
      <p>
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </section>
  )
}
