'use client'

import { useActionState } from 'react'

import { emailSignInLink, type SignInLinkState } from '@/app/(frontend)/_actions/signInLinkActions'

import { FormError } from './FormError'

/** "Email me a sign-in link": the same answer for every address; limits say when to ask again. */
export function SignInLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInLinkState, FormData>(
    emailSignInLink,
    {},
  )
  if (state.message) {
    return (
      <p role="status" className="notice">
        {state.message}
      </p>
    )
  }
  return (
    <form action={formAction} className="auth-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label>
        Send the link to{' '}
        <input
          name="email"
          type="email"
          autoComplete="email"
          placeholder="name@example.com"
          required
          defaultValue={state.email}
        />
      </label>
      <FormError message={state.error} />
      <button type="submit" className="secondary-button" disabled={pending}>
        {pending ? 'Sending…' : 'Email me a sign-in link'}
      </button>
    </form>
  )
}
