'use client'

import type { NumberFieldClientComponent } from 'payload'

import { TextInput, useField, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { formatMoneyInput, parseMoney } from '../utilities/currencies'

/**
 * The product price as money ("49.00") in the currency picked beside it, stored as an integer in
 * the currency's smallest unit (4900), which is what Stripe and the database keep.
 */
export const MoneyField: NumberFieldClientComponent = ({ field, path, readOnly }) => {
  const { value, setValue, showError } = useField<number>({ path: path ?? field.name })
  const currency = useFormFields(([fields]) => fields.currency?.value)
  const code = typeof currency === 'string' ? currency : 'usd'
  // What the editor typed, kept while it still means the stored amount ("49.5" stays "49.5");
  // otherwise (a reset, another currency, a fresh load) the stored amount is shown.
  const [typed, setTyped] = useState<null | string>(null)
  const text =
    typed !== null && (parseMoney(typed, code) === value || typeof value !== 'number')
      ? typed
      : typeof value === 'number'
        ? formatMoneyInput(value, code)
        : ''

  const label = typeof field.label === 'string' ? field.label : 'Price'
  return (
    <TextInput
      path={path ?? field.name}
      label={`${label} (${code.toUpperCase()})`}
      required={field.required}
      readOnly={readOnly}
      showError={showError}
      description={field.admin?.description as string | undefined}
      placeholder="49.00"
      value={text}
      htmlAttributes={{ autoComplete: 'off' }}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
        const next = event.target.value
        setTyped(next)
        const parsed = parseMoney(next, code)
        // Not an amount (yet): nothing is stored, and the validator asks for one with a sentence.
        setValue(parsed)
      }}
    />
  )
}
