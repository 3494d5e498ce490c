'use client'

import type { ClientField } from 'payload'

import { FieldLabel, useField, useFormFields } from '@payloadcms/ui'

import { formatPrice } from '../utilities/formatPrice'

type Props = {
  field: ClientField & { label?: unknown; options?: unknown; admin?: { description?: unknown } }
  path?: string
  /** `money`: an amount in the smallest unit, read with the document's `currency`. */
  format?: 'date' | 'money' | 'text'
}

function optionLabel(options: unknown, value: unknown): null | string {
  if (!Array.isArray(options)) return null
  const option = options.find(
    (candidate) => typeof candidate === 'object' && candidate && candidate.value === value,
  ) as undefined | { label?: unknown }
  return typeof option?.label === 'string' ? option.label : null
}

/**
 * A value the admin shows but nobody edits (what Stripe, Resend or fulfilment recorded), as text a
 * support person can read and copy, instead of a greyed-out input.
 */
export function ReadOnlyText({ field, path, format = 'text' }: Props) {
  const name = 'name' in field ? field.name : ''
  const { value } = useField<unknown>({ path: path ?? name })
  const currency = useFormFields(([fields]) => fields.currency?.value)
  let shown: string
  if (value === null || value === undefined || value === '') shown = '—'
  else if (format === 'money' && typeof value === 'number')
    shown = formatPrice(value, typeof currency === 'string' ? currency : 'usd')
  else if (format === 'date')
    shown = new Date(String(value)).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC'
  else shown = optionLabel(field.options, value) ?? String(value)
  const label = typeof field.label === 'string' ? field.label : name
  return (
    <div className="field-type storefront-read-only" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={label} path={path ?? name} />
      <div className="storefront-read-only__value" data-field={path ?? name}>
        {shown}
      </div>
    </div>
  )
}
