import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { staffReadNobodyWrites, userHasRole } from '../access'
import { PURCHASES_SLUG, RECONCILIATION_RUNS_SLUG } from '../constants'

const readOnly = { readOnly: true } as const
const dayAndTime = { ...readOnly, date: { pickerAppearance: 'dayAndTime' as const } }

export const RECONCILIATION_TRIGGERS = ['schedule', 'staff'] as const
export const RECONCILIATION_STATUSES = ['running', 'succeeded', 'failed'] as const

/**
 * One row per run of the reconciliation sweep, written only by the sweep: the window of Stripe's
 * Checkout Sessions it listed, what it saw, what it repaired (purchases created or settled, ledger
 * events applied) and what it could not do. Staff read it; the health endpoint reads the last one.
 */
export function createReconciliationRunsCollection(
  options: ResolvedStorefrontOptions,
): CollectionConfig {
  return {
    slug: RECONCILIATION_RUNS_SLUG,
    labels: { singular: 'Reconciliation run', plural: 'Reconciliation runs' },
    admin: {
      hidden: ({ user }) => !userHasRole(user, options.staffRoles),
      group: 'Shop',
      defaultColumns: [
        'createdAt',
        'trigger',
        'status',
        'sessionsSeen',
        'purchasesRepaired',
        'purchasesSettled',
        'eventsRepaired',
        'errorCount',
      ],
      description:
        'Each sweep of Stripe for paid checkouts that never became purchases (a lost webhook) and for Stripe events that failed. Anything it repaired is listed on the run.',
      components: {
        beforeListTable: ['payload-plugin-storefront/client#ReconcileNow'],
      },
    },
    defaultSort: '-createdAt',
    access: staffReadNobodyWrites(options.staffRoles),
    fields: [
      {
        name: 'trigger',
        type: 'select',
        required: true,
        options: [
          { label: 'Schedule', value: 'schedule' },
          { label: 'Staff ("Reconcile now")', value: 'staff' },
        ],
        admin: readOnly,
      },
      {
        name: 'startedBy',
        label: 'Started by',
        type: 'relationship',
        relationTo: options.usersSlug as CollectionSlug,
        admin: readOnly,
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        index: true,
        defaultValue: 'running',
        options: [
          { label: 'Running', value: 'running' },
          { label: 'Succeeded', value: 'succeeded' },
          { label: 'Failed (Stripe could not be listed)', value: 'failed' },
        ],
        admin: readOnly,
      },
      {
        type: 'row',
        fields: [
          {
            name: 'windowStart',
            label: 'Sessions created from',
            type: 'date',
            required: true,
            admin: dayAndTime,
          },
          {
            name: 'windowEnd',
            label: 'to',
            type: 'date',
            required: true,
            index: true,
            admin: dayAndTime,
          },
          {
            name: 'finishedAt',
            label: 'Finished at',
            type: 'date',
            index: true,
            admin: dayAndTime,
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'sessionsSeen', label: 'Sessions seen', type: 'number', admin: readOnly },
          {
            name: 'purchasesRepaired',
            label: 'Purchases created',
            type: 'number',
            admin: readOnly,
          },
          {
            name: 'purchasesSettled',
            label: 'Pending purchases settled',
            type: 'number',
            admin: readOnly,
          },
          {
            name: 'eventsRepaired',
            label: 'Failed events applied',
            type: 'number',
            admin: readOnly,
          },
          { name: 'errorCount', label: 'Errors', type: 'number', admin: readOnly },
        ],
      },
      {
        name: 'repairs',
        type: 'array',
        admin: { ...readOnly, description: 'What this run changed.' },
        fields: [
          { name: 'kind', type: 'text', required: true },
          { name: 'ref', label: 'Stripe id', type: 'text', required: true },
          {
            name: 'purchase',
            type: 'relationship',
            relationTo: PURCHASES_SLUG as CollectionSlug,
          },
          { name: 'note', type: 'text' },
        ],
      },
      {
        name: 'problems',
        type: 'array',
        admin: {
          ...readOnly,
          description:
            'Sessions or events it could not apply: Stripe or the database failed (tried again next run), or the session does not sell what the shop sells (never applied).',
        },
        fields: [
          { name: 'ref', label: 'Stripe id', type: 'text', required: true },
          {
            name: 'kind',
            type: 'select',
            required: true,
            options: [
              { label: 'Error (retried next run)', value: 'error' },
              { label: 'Skipped (never applied)', value: 'skipped' },
            ],
          },
          { name: 'message', type: 'text', required: true },
        ],
      },
      {
        name: 'alert',
        label: 'Alert email',
        type: 'group',
        admin: { position: 'sidebar' },
        fields: [
          {
            name: 'status',
            type: 'select',
            defaultValue: 'not_needed',
            options: [
              { label: 'Not needed', value: 'not_needed' },
              { label: 'No address configured', value: 'no_address' },
              { label: 'Sent', value: 'sent' },
              { label: 'Failed', value: 'failed' },
            ],
            admin: readOnly,
          },
          { name: 'to', type: 'text', admin: readOnly },
          { name: 'resendId', label: 'Resend email ID', type: 'text', admin: readOnly },
          { name: 'lastError', label: 'Last error', type: 'text', admin: readOnly },
        ],
      },
      { name: 'note', type: 'text', admin: { ...readOnly, position: 'sidebar' } },
    ],
  }
}
