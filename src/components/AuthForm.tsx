'use client'

import { useActionState, useId } from 'react'

import type { AuthFormState } from '@/app/(frontend)/_actions/authActions'

import { FormError } from './FormError'

type Props = {
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>
  callbackUrl: string
  /** "buy" when the shopper pressed Buy before signing in: checkout starts afterwards. */
  intent?: string
  submitLabel: string
  pendingLabel: string
  withName?: boolean
  /** For a new password: its shortest length, shown under the field before anyone types. */
  minPasswordLength?: number
}

/**
 * Email + password form bound to a server action; works without JavaScript too. After a refused
 * submission it keeps what was typed (except the password) and announces the reason.
 */
export function AuthForm({
  action,
  callbackUrl,
  intent,
  submitLabel,
  pendingLabel,
  withName = false,
  minPasswordLength,
}: Props) {
  const [state, formAction, pending] = useActionState(action, {})
  const ruleId = useId()
  const errorId = useId()
  return (
    <form
      action={formAction}
      className="auth-form"
      aria-describedby={state.error ? errorId : undefined}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {withName ? (
        <label>
          Name <input name="name" autoComplete="name" defaultValue={state.name} />
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
          autoComplete={minPasswordLength ? 'new-password' : 'current-password'}
          required
          minLength={minPasswordLength}
          aria-describedby={minPasswordLength ? ruleId : undefined}
        />
      </label>
      {minPasswordLength ? (
        <p id={ruleId} className="field-hint">
          At least {minPasswordLength} characters.
        </p>
      ) : null}
      <FormError message={state.error} id={errorId} />
      <button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  )
}
