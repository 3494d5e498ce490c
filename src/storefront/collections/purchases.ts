import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { nobody, ownPurchasesOrStaff, userHasRole } from '../access'
import { DOWNLOADS_SLUG, PRODUCTS_SLUG, PURCHASES_SLUG } from '../constants'
import { PURCHASE_STATUSES } from '../fulfilment/types'

const readOnly = { readOnly: true } as const

/** One row per paid-for (or being-paid) checkout session. Written only by fulfilment. */
export function createPurchasesCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  return {
    slug: PURCHASES_SLUG,
    admin: {
      group: 'Shop',
      useAsTitle: 'stripeSessionId',
      defaultColumns: [
        'productSlug',
        'user',
        'status',
        'amountCents',
        'receiptStatus',
        'createdAt',
      ],
      listSearchableFields: [
        'stripeSessionId',
        'productSlug',
        'customerEmail',
        'stripePaymentIntentId',
      ],
    },
    access: {
      read: ownPurchasesOrStaff(options.staffRoles),
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    fields: [
      {
        name: 'user',
        type: 'relationship',
        relationTo: options.usersSlug as CollectionSlug,
        required: true,
        index: true,
        admin: readOnly,
      },
      { name: 'customerEmail', type: 'email', admin: readOnly },
      // The slug is kept when the product is deleted, so receipts and support still know what was bought.
      {
        name: 'product',
        type: 'relationship',
        relationTo: PRODUCTS_SLUG as CollectionSlug,
        admin: readOnly,
      },
      { name: 'productSlug', type: 'text', required: true, index: true, admin: readOnly },
      {
        name: 'stripeSessionId',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        admin: readOnly,
      },
      { name: 'stripePaymentIntentId', type: 'text', index: true, admin: readOnly },
      { name: 'amountCents', type: 'number', required: true, admin: readOnly },
      { name: 'currency', type: 'text', required: true, admin: readOnly },
      {
        name: 'status',
        type: 'select',
        required: true,
        index: true,
        options: PURCHASE_STATUSES.map((value) => ({
          label: value[0].toUpperCase() + value.slice(1),
          value,
        })),
        admin: { ...readOnly, position: 'sidebar' },
      },
      {
        name: 'source',
        type: 'select',
        required: true,
        defaultValue: 'stripe',
        options: [
          { label: 'Stripe checkout', value: 'stripe' },
          { label: 'Complimentary (granted by staff)', value: 'comp' },
        ],
        admin: { ...readOnly, position: 'sidebar' },
      },
      { name: 'paidAt', type: 'date', admin: { ...readOnly, position: 'sidebar' } },
      {
        name: 'receipt',
        type: 'group',
        admin: { position: 'sidebar' },
        fields: [
          {
            name: 'status',
            type: 'select',
            defaultValue: 'not_sent',
            options: [
              { label: 'Not sent', value: 'not_sent' },
              { label: 'Sent', value: 'sent' },
              { label: 'Failed (retrying)', value: 'failed' },
            ],
            admin: readOnly,
          },
          { name: 'sentAt', type: 'date', admin: readOnly },
          { name: 'resendId', type: 'text', admin: readOnly },
          {
            // Resend's last refusal, for support; the buyer sees only whether the receipt was sent.
            name: 'lastError',
            type: 'text',
            access: { read: ({ req }) => userHasRole(req.user, options.staffRoles) },
            admin: readOnly,
          },
        ],
      },
      // Support sees each purchase's downloads; the downloads collection's own access rules
      // apply, so shoppers never see the log, not even of their own purchases.
      {
        name: 'downloads',
        type: 'join',
        collection: DOWNLOADS_SLUG as CollectionSlug,
        on: 'purchase',
        defaultSort: '-startedAt',
        defaultLimit: 20,
        admin: {
          allowCreate: false,
          defaultColumns: ['startedAt', 'outcome', 'bytesSent', 'range', 'ip', 'userAgent'],
        },
      },
    ],
  }
}
