'use client'

import type { DefaultCellComponentProps, TextFieldClientComponent } from 'payload'

import { FieldLabel, useField } from '@payloadcms/ui'

import { describeStripeEventType } from '../utilities/stripeEventTypes'

/** A Stripe event type as support reads it ("Payment refunded"), with Stripe's name beside it. */
function EventType({ type }: { type: unknown }) {
  if (typeof type !== 'string') return null
  return (
    <span>
      {describeStripeEventType(type)} <code style={{ opacity: 0.7 }}>{type}</code>
    </span>
  )
}

export function StripeEventTypeCell({ cellData }: DefaultCellComponentProps) {
  return <EventType type={cellData} />
}

export const StripeEventTypeField: TextFieldClientComponent = ({ field, path }) => {
  const { value } = useField<string>({ path: path ?? field.name })
  return (
    <div className="field-type storefront-read-only" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label="Type" path={path ?? field.name} />
      <div className="storefront-read-only__value">
        <EventType type={value} />
      </div>
    </div>
  )
}
