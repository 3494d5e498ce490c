import type { Purchase } from '@/payload-types'

import { describeDownload, type DownloadSummary } from 'payload-plugin-storefront'

import { getPayloadClient } from './getPayloadClient'

/** The Download button's file name, size and link for each purchase that has one (paid, file there). */
export async function describeDownloads(
  purchases: Purchase[],
): Promise<Map<number, DownloadSummary>> {
  const payload = await getPayloadClient()
  const summaries = await Promise.all(
    purchases.map(
      async (purchase) => [purchase.id, await describeDownload({ payload, purchase })] as const,
    ),
  )
  return new Map(
    summaries.filter((entry): entry is readonly [number, DownloadSummary] => entry[1] !== null),
  )
}
