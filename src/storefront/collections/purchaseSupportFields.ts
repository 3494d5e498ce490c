import type { CollectionSlug, Field } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { userHasRole } from '../access'
import { DOWNLOADS_SLUG, STRIPE_EVENTS_SLUG } from '../constants'
import { STAFF_ACTIONS } from '../operations/staff/staffAction'

/**
 * The fields of a purchase that support reads: what was emailed, what staff did, the dispute
 * evidence drafted for Stripe, and the purchase's Stripe events and downloads.
 */

/** Shown as text (see ReadOnlyText): nobody edits what Stripe, Resend or fulfilment recorded. */
export const asText = (format: 'date' | 'money' | 'text' = 'text', position?: 'sidebar') => ({
  readOnly: true,
  ...(position ? { position } : {}),
  components: {
    Field: {
      path: 'payload-plugin-storefront/client#ReadOnlyText',
      clientProps: { format },
    },
  },
})

const EMAIL_STATUSES = [
  { label: 'Not sent', value: 'not_sent' },
  { label: 'Sent', value: 'sent' },
  { label: 'Failed (retrying)', value: 'failed' },
]

/** What the shop emailed the customer about this purchase, as Resend accepted it. */
export function emailRecord(
  options: ResolvedStorefrontOptions,
  name: string,
  label: string,
): Field {
  return {
    name,
    label,
    type: 'group',
    admin: { position: 'sidebar' },
    fields: [
      {
        name: 'status',
        type: 'select',
        defaultValue: 'not_sent',
        options: EMAIL_STATUSES,
        admin: asText(),
      },
      { name: 'sentAt', label: 'Sent at', type: 'date', admin: asText('date') },
      { name: 'resendId', label: 'Resend email ID', type: 'text', admin: asText() },
      {
        // Resend's last refusal, for support; the buyer sees only whether the email was sent.
        name: 'lastError',
        label: 'Last error',
        type: 'text',
        access: { read: ({ req }) => userHasRole(req.user, options.staffRoles) },
        admin: asText(),
      },
    ],
  }
}

/** Drafted when Stripe reports a dispute; shown (and submitted) by the DisputeEvidence field. */
export function disputeEvidenceField(options: ResolvedStorefrontOptions): Field {
  return {
    name: 'disputeEvidence',
    label: 'Dispute evidence',
    type: 'group',
    access: { read: ({ req }) => userHasRole(req.user, options.staffRoles) },
    admin: {
      condition: (data) => Boolean(data?.disputeEvidence?.disputeId),
      components: { Field: 'payload-plugin-storefront/client#DisputeEvidence' },
    },
    fields: [
      { name: 'disputeId', type: 'text' },
      {
        name: 'status',
        type: 'select',
        options: [
          { label: 'Drafted (not submitted)', value: 'drafted' },
          { label: 'Submitted to Stripe', value: 'submitted' },
          { label: 'Refused by Stripe', value: 'submit_failed' },
        ],
      },
      { name: 'draftedAt', type: 'date' },
      { name: 'evidence', type: 'json' },
      { name: 'submittedAt', type: 'date' },
      { name: 'submittedByEmail', type: 'text' },
      { name: 'lastError', type: 'text' },
    ],
  }
}

/** Who did what to the purchase, when and why (see operations/staff). */
export function staffActionsField(options: ResolvedStorefrontOptions): Field {
  return {
    name: 'staffActions',
    label: 'Staff actions',
    type: 'array',
    access: { read: ({ req }) => userHasRole(req.user, options.staffRoles) },
    admin: {
      readOnly: true,
      components: { Field: 'payload-plugin-storefront/client#StaffActionLog' },
    },
    fields: [
      {
        name: 'action',
        type: 'select',
        required: true,
        options: STAFF_ACTIONS.map(({ value, label }) => ({ value, label })),
      },
      {
        name: 'by',
        type: 'relationship',
        relationTo: options.usersSlug as CollectionSlug,
        required: true,
      },
      { name: 'byEmail', label: 'By (email)', type: 'text' },
      { name: 'at', type: 'date', required: true },
      { name: 'reason', type: 'text', required: true },
      { name: 'detail', type: 'text' },
    ],
  }
}

/**
 * Support sees each purchase's Stripe events and downloads; those collections' own access rules
 * apply, so shoppers never see them, not even for their own purchases.
 */
export function supportJoinFields(): Field[] {
  return [
    {
      name: 'stripeEvents',
      label: 'Stripe events',
      type: 'join',
      collection: STRIPE_EVENTS_SLUG as CollectionSlug,
      on: 'purchase',
      defaultSort: '-stripeCreatedAt',
      defaultLimit: 20,
      admin: {
        allowCreate: false,
        defaultColumns: ['type', 'outcome', 'note', 'stripeCreatedAt'],
      },
    },
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
  ]
}
