import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { staffReadNobodyWrites, userHasRole } from '../access'
import { PURCHASES_SLUG, STRIPE_EVENTS_SLUG } from '../constants'
import { EVENT_OUTCOMES, type EventOutcome } from '../fulfilment/types'
import { stripeModeOf } from '../utilities/stripeDashboard'

/** What each outcome means, in the words support uses. */
const OUTCOME_LABELS: Record<EventOutcome, string> = {
  received: 'Received (being handled)',
  processed: 'Processed',
  ignored: 'Ignored (nothing to do)',
  rejected: 'Rejected (never applied)',
  failed: 'Failed (Stripe retries)',
  deferred: 'Deferred (waits for its purchase)',
}

const readOnly = { readOnly: true } as const

/**
 * Ledger of every verified Stripe event: the unique event id makes a replay a no-op,
 * and support can see what each event did.
 */
export function createStripeEventsCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  const stripeLink = {
    readOnly: true,
    components: {
      Field: {
        path: 'payload-plugin-storefront/client#StripeLink',
        clientProps: { mode: stripeModeOf(options.stripe.secretKey) },
      },
    },
  }
  return {
    slug: STRIPE_EVENTS_SLUG,
    labels: { singular: 'Stripe event', plural: 'Stripe events' },
    admin: {
      hidden: ({ user }) => !userHasRole(user, options.staffRoles),
      group: 'Shop',
      useAsTitle: 'eventId',
      defaultColumns: ['type', 'outcome', 'note', 'purchase', 'stripeCreatedAt'],
      listSearchableFields: [
        'eventId',
        'type',
        'paymentIntentId',
        'purchase.customerEmail',
        'purchase.title',
      ],
      description:
        'Every event Stripe sent, and what the shop did with it. Search by event ID, type, payment intent, or the purchase (customer email, product); filter by outcome or type.',
    },
    defaultSort: '-stripeCreatedAt',
    access: staffReadNobodyWrites(options.staffRoles),
    fields: [
      {
        name: 'eventId',
        label: 'Event ID',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        admin: stripeLink,
      },
      {
        name: 'type',
        type: 'text',
        required: true,
        index: true,
        admin: {
          ...readOnly,
          components: {
            Field: 'payload-plugin-storefront/client#StripeEventTypeField',
            Cell: 'payload-plugin-storefront/client#StripeEventTypeCell',
          },
        },
      },
      {
        name: 'stripeCreatedAt',
        label: 'Sent by Stripe at',
        type: 'date',
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
      },
      { name: 'livemode', label: 'Live mode', type: 'checkbox', admin: readOnly },
      {
        name: 'outcome',
        type: 'select',
        required: true,
        defaultValue: 'received',
        options: EVENT_OUTCOMES.map((value) => ({ label: OUTCOME_LABELS[value], value })),
        admin: readOnly,
      },
      { name: 'note', type: 'text', admin: readOnly },
      {
        // A refund or dispute that arrived before its purchase waits here, found by this id.
        name: 'paymentIntentId',
        label: 'Stripe payment',
        type: 'text',
        index: true,
        admin: stripeLink,
      },
      {
        name: 'purchase',
        type: 'relationship',
        relationTo: PURCHASES_SLUG as CollectionSlug,
        admin: readOnly,
      },
      {
        // The Replay button, shown on a failed or rejected event.
        name: 'replay',
        type: 'ui',
        admin: {
          position: 'sidebar',
          components: { Field: 'payload-plugin-storefront/client#ReplayStripeEvent' },
        },
      },
      {
        name: 'replays',
        label: 'Replays by staff',
        type: 'array',
        admin: {
          readOnly: true,
          description: 'Each time staff applied this event again, fetched from Stripe.',
        },
        fields: [
          {
            name: 'by',
            type: 'relationship',
            relationTo: options.usersSlug as CollectionSlug,
            required: true,
          },
          { name: 'byEmail', label: 'By (email)', type: 'text' },
          {
            name: 'at',
            type: 'date',
            required: true,
            admin: { date: { pickerAppearance: 'dayAndTime' } },
          },
          { name: 'reason', type: 'text', required: true },
          { name: 'result', type: 'text' },
        ],
      },
    ],
  }
}
