import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { nobody, rolesOnly } from '../access'
import { PURCHASES_SLUG, STRIPE_EVENTS_SLUG } from '../constants'
import { EVENT_OUTCOMES } from '../fulfilment/types'

const readOnly = { readOnly: true } as const

/**
 * Ledger of every verified Stripe event: the unique event id makes a replay a no-op,
 * and support can see what each event did.
 */
export function createStripeEventsCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  return {
    slug: STRIPE_EVENTS_SLUG,
    admin: {
      group: 'Shop',
      useAsTitle: 'eventId',
      defaultColumns: ['eventId', 'type', 'outcome', 'stripeCreatedAt', 'createdAt'],
      listSearchableFields: ['eventId', 'type', 'paymentIntentId'],
    },
    access: { read: rolesOnly(options.staffRoles), create: nobody, update: nobody, delete: nobody },
    fields: [
      { name: 'eventId', type: 'text', required: true, unique: true, index: true, admin: readOnly },
      { name: 'type', type: 'text', required: true, index: true, admin: readOnly },
      { name: 'stripeCreatedAt', type: 'date', admin: readOnly },
      { name: 'livemode', type: 'checkbox', admin: readOnly },
      {
        name: 'outcome',
        type: 'select',
        required: true,
        defaultValue: 'received',
        options: EVENT_OUTCOMES.map((value) => ({
          label: value,
          value,
        })),
        admin: readOnly,
      },
      { name: 'note', type: 'text', admin: readOnly },
      {
        // A refund or dispute that arrived before its purchase waits here, found by this id.
        name: 'paymentIntentId',
        type: 'text',
        index: true,
        admin: readOnly,
      },
      {
        name: 'purchase',
        type: 'relationship',
        relationTo: PURCHASES_SLUG as CollectionSlug,
        admin: readOnly,
      },
    ],
  }
}
