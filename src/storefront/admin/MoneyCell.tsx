'use client'

import type { DefaultCellComponentProps } from 'payload'

import { formatPrice } from '../utilities/formatPrice'

/** An amount column ("$49.00"), read with the row's own currency. */
export function MoneyCell({ cellData, rowData }: DefaultCellComponentProps) {
  if (typeof cellData !== 'number') return null
  const currency = (rowData as { currency?: unknown }).currency
  return <span>{formatPrice(cellData, typeof currency === 'string' ? currency : 'usd')}</span>
}
