'use client'

import { useFormFields, useFormProcessing, useFormSubmitted } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * What stopped the last save, in full sentences, above the form. Payload shows a field's error
 * in a one-line tooltip and re-checks the form as a draft right after a failed publish, which
 * clears errors that only apply to publishing (a missing file, an unconfirmed price); this keeps
 * them on screen until the next save.
 */
export function PublishProblems() {
  const current = useFormFields(([fields]) =>
    Object.values(fields)
      .filter((field) => field?.valid === false && typeof field.errorMessage === 'string')
      .map((field) => field.errorMessage as string)
      .join('\n'),
  )
  const processing = useFormProcessing()
  const submitted = useFormSubmitted()
  const [shown, setShown] = useState('')
  const [wasProcessing, setWasProcessing] = useState(processing)
  // Adjusted while rendering (not in an effect): a new save clears the list, new errors fill it.
  if (processing !== wasProcessing) {
    setWasProcessing(processing)
    if (processing) setShown('')
  } else if (submitted && current && current !== shown) {
    setShown(current)
  }
  if (!shown) return null
  return (
    <div
      role="alert"
      className="storefront-publish-problems"
      style={{
        border: '1px solid var(--theme-error-500)',
        background: 'var(--theme-error-50)',
        color: 'var(--theme-error-750)',
        borderRadius: 4,
        padding: 'calc(var(--base) * 0.75)',
        marginBottom: 'var(--base)',
      }}
    >
      <strong>This product was not saved:</strong>
      <ul style={{ margin: '4px 0 0', paddingLeft: '1.2em' }}>
        {shown.split('\n').map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  )
}
