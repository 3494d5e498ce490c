'use client'

import Link from 'next/link'
import { useActionState, useId } from 'react'

import { type ResetPasswordState, resetPassword } from '@/app/(frontend)/_actions/passwordActions'

import { FormError } from './FormError'

/** Sets a new password from the emailed token; a token that stopped working says so. */
export function ResetPasswordForm({
  token,
  minPasswordLength,
}: {
  token: string
  minPasswordLength: number
}) {
  const [state, formAction, pending] = useActionState<ResetPasswordState, FormData>(
    resetPassword,
    {},
  )
  const ruleId = useId()
  if (state.expired) return <ResetLinkExpired />
  return (
    <form action={formAction} className="auth-form">
      <input type="hidden" name="token" value={token} />
      <label>
        New password{' '}
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          aria-describedby={ruleId}
        />
      </label>
      <p id={ruleId} className="field-hint">
        At least {minPasswordLength} characters.
      </p>
      <FormError message={state.error} />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save the new password and sign in'}
      </button>
    </form>
  )
}

export function ResetLinkExpired() {
  return (
    <div role="alert" className="notice">
      <p>
        This reset link no longer works: it was already used, or it is more than an hour old. Your
        password has not changed.
      </p>
      <p>
        <Link className="action-link" href="/forgot-password">
          Ask for a new link
        </Link>
      </p>
    </div>
  )
}
