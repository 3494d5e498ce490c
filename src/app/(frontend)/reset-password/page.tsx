import type { Metadata } from 'next'

import { MIN_PASSWORD_LENGTH } from '@/collections/users/passwordPolicy'
import { ResetLinkExpired, ResetPasswordForm } from '@/components/ResetPasswordForm'

import { isResetTokenUsable } from '../_data/isResetTokenUsable'

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' }

type Args = { searchParams: Promise<{ token?: string }> }

export default async function ResetPasswordPage({ searchParams }: Args) {
  const { token } = await searchParams
  const usable = typeof token === 'string' && (await isResetTokenUsable(token))
  return (
    <section className="auth">
      <h1>Choose a new password</h1>
      {usable ? (
        <ResetPasswordForm token={token} minPasswordLength={MIN_PASSWORD_LENGTH} />
      ) : (
        <ResetLinkExpired />
      )}
    </section>
  )
}
