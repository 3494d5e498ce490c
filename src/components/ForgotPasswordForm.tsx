'use client'

import Link from 'next/link'
import { useActionState } from 'react'

import {
  type ForgotPasswordState,
  requestPasswordReset,
} from '@/app/(frontend)/_actions/passwordActions'

import { FormError } from './FormError'

/** Asks for a reset link; answers the same for every address, and keeps what was typed. */
export function ForgotPasswordForm({ email }: { email?: string }) {
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(
    requestPasswordReset,
    { email },
  )
  if (state.sentTo) {
    return (
      <div role="status" className="notice">
        <p>
          If an account uses <strong>{state.sentTo}</strong>, we have emailed it a link to choose a
          new password. The link works once, for one hour.
        </p>
        <p>
          Nothing arrived after a few minutes? Check the spam folder, or{' '}
          <Link href="/forgot-password">ask again</Link>.
        </p>
      </div>
    )
  }
  return (
    <form action={formAction} className="auth-form">
      <label>
        Email{' '}
        <input name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      </label>
      <FormError message={state.error} />
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Email me a reset link'}
      </button>
    </form>
  )
}
