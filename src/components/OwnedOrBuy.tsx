'use client'

import { useEffect, useState } from 'react'

import { findOwnedDownload } from '@/app/(frontend)/_actions/ownedDownload'

import { BuyButton } from './BuyButton'
import { formatFileSize } from './formatFileSize'

type Owned = Awaited<ReturnType<typeof findOwnedDownload>>

/**
 * Buy, or "You own this — Download" for a signed-in shopper who bought the product. Asked in
 * the browser, so the product page stays static; until the answer (and without JavaScript) it
 * is the Buy button.
 */
export function OwnedOrBuy({ productId, productSlug }: { productId: number; productSlug: string }) {
  const [owned, setOwned] = useState<Owned>(null)

  useEffect(() => {
    let active = true
    findOwnedDownload(productId)
      .then((found) => active && setOwned(found))
      .catch(() => active && setOwned(null))
    return () => {
      active = false
    }
  }, [productId])

  if (!owned) return <BuyButton productSlug={productSlug} />
  return (
    <p className="owned">
      You own this —{' '}
      <a className="download-button" href={owned.url}>
        Download
      </a>{' '}
      <span className="file-info">
        {owned.fileName} · {formatFileSize(owned.sizeBytes)}
      </span>
    </p>
  )
}
