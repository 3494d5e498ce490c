import type { CollectionBeforeChangeHook, CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { nobody, ownPurchasesOrStaff, userHasRole } from '../access'
import { PRODUCTS_SLUG, PURCHASES_SLUG } from '../constants'
import { PURCHASE_STATUSES } from '../fulfilment/types'
import { stripeModeOf } from '../utilities/stripeDashboard'
import {
  asText,
  disputeEvidenceField,
  emailRecord,
  staffActionsField,
  supportJoinFields,
} from './purchaseSupportFields'

const readOnly = { readOnly: true } as const

type PurchaseTitleData = {
  title?: null | string
  product?: unknown
  productSlug?: string
  customerEmail?: null | string
  createdAt?: string
}

/**
 * "Workflow Templates — ada@example.com — 2026-11-27": what support reads in lists, relationship
 * pickers and the document header, instead of a checkout session id.
 */
const titlePurchase: CollectionBeforeChangeHook<
  PurchaseTitleData & { id: number | string }
> = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const productId =
    merged.product && typeof merged.product === 'object'
      ? (merged.product as { id?: number | string }).id
      : merged.product
  const product =
    productId !== null && productId !== undefined
      ? ((await req.payload.findByID({
          collection: PRODUCTS_SLUG as CollectionSlug,
          id: productId as number | string,
          depth: 0,
          draft: false,
          overrideAccess: true,
          disableErrors: true,
          req,
        })) as null | { title?: string })
      : null
  const date = (merged.createdAt ? new Date(merged.createdAt) : new Date())
    .toISOString()
    .slice(0, 10)
  const what = product?.title ?? merged.productSlug ?? 'Purchase'
  return { ...data, title: [what, merged.customerEmail, date].filter(Boolean).join(' — ') }
}

/** One row per paid-for (or being-paid) checkout session, or comp grant. Written only by the server. */
export function createPurchasesCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  const mode = stripeModeOf(options.stripe.secretKey)
  const stripeLink = (position?: 'sidebar') => ({
    readOnly: true,
    ...(position ? { position } : {}),
    components: {
      Field: { path: 'payload-plugin-storefront/client#StripeLink', clientProps: { mode } },
    },
  })
  return {
    slug: PURCHASES_SLUG,
    admin: {
      // Shoppers read their own purchases on the storefront; the admin list is support's.
      hidden: ({ user }) => !userHasRole(user, options.staffRoles),
      group: 'Shop',
      useAsTitle: 'title',
      defaultColumns: [
        'title',
        'product',
        'customerEmail',
        'status',
        'amountCents',
        'receipt.status',
        'createdAt',
      ],
      listSearchableFields: [
        'customerEmail',
        'title',
        'productSlug',
        'stripeSessionId',
        'stripePaymentIntentId',
      ],
      description:
        'Every purchase. Search by customer email, product, Stripe checkout session or payment intent ID; filter by status, product, receipt or date.',
    },
    defaultSort: '-createdAt',
    access: {
      read: ownPurchasesOrStaff(options.staffRoles),
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    hooks: { beforeChange: [titlePurchase] },
    fields: [
      { name: 'title', type: 'text', index: true, admin: { ...asText(), hidden: false } },
      {
        name: 'user',
        label: 'Customer',
        type: 'relationship',
        relationTo: options.usersSlug as CollectionSlug,
        required: true,
        index: true,
        admin: readOnly,
      },
      {
        name: 'customerEmail',
        label: 'Customer email',
        type: 'email',
        index: true,
        admin: asText(),
      },
      // The slug is kept when the product is deleted, so receipts and support still know what was bought.
      {
        name: 'product',
        type: 'relationship',
        relationTo: PRODUCTS_SLUG as CollectionSlug,
        index: true,
        admin: readOnly,
      },
      {
        name: 'productSlug',
        label: 'Product slug',
        type: 'text',
        required: true,
        index: true,
        admin: asText(),
      },
      {
        name: 'stripeSessionId',
        label: 'Stripe checkout session',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        admin: stripeLink(),
      },
      {
        name: 'stripePaymentIntentId',
        label: 'Stripe payment',
        type: 'text',
        index: true,
        admin: stripeLink(),
      },
      {
        name: 'amountCents',
        label: 'Amount',
        type: 'number',
        required: true,
        admin: {
          ...asText('money'),
          components: {
            ...asText('money').components,
            Cell: 'payload-plugin-storefront/client#MoneyCell',
          },
        },
      },
      { name: 'currency', type: 'text', required: true, admin: asText() },
      {
        name: 'status',
        type: 'select',
        required: true,
        index: true,
        options: PURCHASE_STATUSES.map((value) => ({
          label: STATUS_LABELS[value],
          value,
        })),
        admin: asText('text', 'sidebar'),
      },
      {
        // Why access ended when no staff member ended it (an early fraud warning), for support.
        name: 'statusReason',
        label: 'Why',
        type: 'text',
        access: { read: ({ req }) => userHasRole(req.user, options.staffRoles) },
        admin: {
          ...asText('text', 'sidebar'),
          condition: (data) => Boolean(data?.statusReason),
        },
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
        admin: asText('text', 'sidebar'),
      },
      { name: 'paidAt', label: 'Paid at', type: 'date', admin: asText('date', 'sidebar') },
      {
        // Buttons for support: resend the receipt, refund, revoke or restore access.
        name: 'actions',
        type: 'ui',
        admin: {
          position: 'sidebar',
          components: { Field: 'payload-plugin-storefront/client#PurchaseActions' },
        },
      },
      disputeEvidenceField(options),
      emailRecord(options, 'receipt', 'Receipt email'),
      emailRecord(options, 'paymentFailedEmail', 'Payment-failed email'),
      staffActionsField(options),
      ...supportJoinFields(),
    ],
  }
}

/** How support reads each status. */
const STATUS_LABELS: Record<(typeof PURCHASE_STATUSES)[number], string> = {
  pending: 'Pending (bank transfer not settled)',
  paid: 'Paid',
  failed: 'Payment failed',
  refunded: 'Refunded',
  disputed: 'Disputed',
  revoked: 'Access revoked',
}
