import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { staffReadNobodyWrites, userHasRole } from '../access'
import { DOWNLOADS_SLUG, PURCHASES_SLUG } from '../constants'
import { DOWNLOAD_OUTCOMES, type DownloadOutcome } from '../delivery/downloadLog'

const OUTCOME_LABELS: Record<DownloadOutcome, string> = {
  completed: 'Completed',
  aborted: 'Aborted (stopped early)',
  redirected: 'Redirected to the bucket',
}

const readOnly = { readOnly: true } as const

/**
 * The downloads log: one row per streamed download, written by the download endpoint when the
 * response ends. Staff read it (also on each purchase); nobody writes it through the API.
 */
export function createDownloadsCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  return {
    slug: DOWNLOADS_SLUG,
    labels: { singular: 'Download', plural: 'Downloads' },
    admin: {
      hidden: ({ user }) => !userHasRole(user, options.staffRoles),
      group: 'Shop',
      useAsTitle: 'fileName',
      defaultColumns: ['startedAt', 'purchase', 'user', 'outcome', 'bytesSent', 'range', 'ip'],
      description: 'Every download of a purchased file, written when the response ends.',
    },
    defaultSort: '-startedAt',
    access: staffReadNobodyWrites(options.staffRoles),
    fields: [
      {
        name: 'purchase',
        type: 'relationship',
        relationTo: PURCHASES_SLUG as CollectionSlug,
        required: true,
        index: true,
        admin: readOnly,
      },
      {
        name: 'user',
        type: 'relationship',
        relationTo: options.usersSlug as CollectionSlug,
        required: true,
        index: true,
        admin: readOnly,
      },
      {
        name: 'fileName',
        type: 'text',
        required: true,
        admin: { ...readOnly, description: 'The product file that was sent.' },
      },
      {
        name: 'outcome',
        type: 'select',
        required: true,
        options: DOWNLOAD_OUTCOMES.map((value) => ({ label: OUTCOME_LABELS[value], value })),
        admin: readOnly,
      },
      { name: 'bytesSent', type: 'number', required: true, admin: readOnly },
      { name: 'httpStatus', label: 'HTTP status', type: 'number', required: true, admin: readOnly },
      {
        name: 'range',
        type: 'text',
        admin: { ...readOnly, description: 'The Range header of a resumed download.' },
      },
      {
        name: 'ip',
        label: 'IP address',
        type: 'text',
        admin: { ...readOnly, description: 'As forwarded (X-Forwarded-For).' },
      },
      { name: 'userAgent', type: 'text', admin: readOnly },
      {
        name: 'startedAt',
        type: 'date',
        required: true,
        index: true,
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'finishedAt',
        type: 'date',
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  }
}
