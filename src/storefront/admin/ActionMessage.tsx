'use client'

/** What a staff button's request came to: read out as a status, or as an alert when it failed. */
export type ActionOutcome = { ok: boolean; text: string }

export function ActionMessage({ message }: { message: ActionOutcome | null }) {
  if (!message) return null
  return (
    <p
      role={message.ok ? 'status' : 'alert'}
      style={{
        margin: '8px 0 0',
        color: message.ok ? 'var(--theme-success-750)' : 'var(--theme-error-750)',
      }}
    >
      {message.text}
    </p>
  )
}
