'use client'

import { useActionState } from 'react'

import type { AuthFormState } from '@/app/(frontend)/_actions/authActions'

type Props = {
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>
  callbackUrl: string
  submitLabel: string
  pendingLabel: string
  withName?: boolean
}

/** Email + password form bound to a server action; works without JavaScript too. */
export function AuthForm({
  action,
  callbackUrl,
  submitLabel,
  pendingLabel,
  withName = false,
}: Props) {
  const [state, formAction, pending] = useActionState(action, {})
  return (
    <form action={formAction} className="auth-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {withName ? (
        <label>
          Name <input name="name" autoComplete="name" />
        </label>
      ) : null}
      <label>
        Email{' '}
        <input name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      </label>
      <label>
        Password{' '}
        <input
          name="password"
          type="password"
          autoComplete={withName ? 'new-password' : 'current-password'}
          required
          minLength={withName ? 8 : undefined}
        />
      </label>
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  )
}
