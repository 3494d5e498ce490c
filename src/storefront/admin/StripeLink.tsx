'use client'

import type { ClientField } from 'payload'

import { FieldLabel, useField } from '@payloadcms/ui'

import { stripeDashboardUrl, type StripeMode } from '../utilities/stripeDashboard'

type Props = {
  field: ClientField & { label?: unknown }
  path?: string
  /** Which half of the Stripe dashboard the shop's key belongs to (set by the plugin). */
  mode: StripeMode
}

/** A Stripe id as a link to that object in the Stripe dashboard, in the shop's mode (test or live). */
export function StripeLink({ field, path, mode }: Props) {
  const name = 'name' in field ? field.name : ''
  const { value } = useField<string>({ path: path ?? name })
  const label = typeof field.label === 'string' ? field.label : name
  const url = typeof value === 'string' ? stripeDashboardUrl(value, mode) : null
  return (
    <div className="field-type storefront-read-only" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={label} path={path ?? name} />
      <div className="storefront-read-only__value">
        {!value ? (
          '—'
        ) : url ? (
          <a href={url} target="_blank" rel="noreferrer noopener">
            {value} ↗
          </a>
        ) : (
          value
        )}
      </div>
    </div>
  )
}
