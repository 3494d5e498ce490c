'use client'

import type { CSSProperties } from 'react'

/** What a staff button's request came to: read out as a status, or as an alert when it failed. */
export type ActionOutcome = { ok: boolean; text: string }

/** `style` adds to (or overrides) the default spacing, e.g. a full row in a flex container. */
export function ActionMessage({
  message,
  style,
}: {
  message: ActionOutcome | null
  style?: CSSProperties
}) {
  if (!message) return null
  return (
    <p
      role={message.ok ? 'status' : 'alert'}
      style={{
        margin: '8px 0 0',
        color: message.ok ? 'var(--theme-success-750)' : 'var(--theme-error-750)',
        ...style,
      }}
    >
      {message.text}
    </p>
  )
}
