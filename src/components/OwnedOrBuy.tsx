'use client'

import { useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'

import { findOwnedDownload } from '@/app/(frontend)/_actions/ownedDownload'

import { BuyButton } from './BuyButton'
import { formatFileSize } from './formatFileSize'

type Owned = Awaited<ReturnType<typeof findOwnedDownload>>

type Props = { productId: number; productSlug: string; productTitle: string }

/** Removes `buy=1` from the address, so Back from Stripe does not start a second checkout. */
function forgetBuyIntent() {
  const url = new URL(window.location.href)
  url.searchParams.delete('buy')
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
}

/**
 * Buy, or "You own this — Download" for a signed-in shopper who bought the product. Asked in
 * the browser, so the product page stays static; until the answer (and without JavaScript) it
 * is the Buy button. `?buy=1` (the shopper pressed Buy before signing in) starts checkout by
 * itself, unless the product turns out to be owned already: a second copy is an explicit choice.
 */
export function OwnedOrBuy({ productId, productSlug, productTitle }: Props) {
  const wantsToBuy = useSearchParams().get('buy') === '1'
  const [owned, setOwned] = useState<Owned | undefined>(undefined)
  const [buyAgain, setBuyAgain] = useState(false)

  useEffect(() => {
    let active = true
    findOwnedDownload(productId)
      .then((found) => active && setOwned(found))
      .catch(() => active && setOwned(null))
    return () => {
      active = false
    }
  }, [productId])

  useEffect(() => {
    // Owned: no checkout starts, so the intent can go from the address at once.
    if (wantsToBuy && owned) forgetBuyIntent()
  }, [wantsToBuy, owned])

  if (!owned) {
    return (
      <BuyButton
        productSlug={productSlug}
        autoStart={wantsToBuy && owned === null}
        // The intent leaves the address only as the browser leaves for Stripe: changing the
        // address earlier re-renders the page (Next's router follows history) mid-checkout.
        navigate={(url) => {
          if (wantsToBuy) forgetBuyIntent()
          window.location.assign(url)
        }}
      />
    )
  }
  return (
    <div className="owned-box">
      {wantsToBuy ? (
        <p role="status" className="notice">
          You already own {productTitle}, so checkout did not start and you were not charged.
        </p>
      ) : null}
      <p className="owned">
        You own this —{' '}
        <a className="download-button" href={owned.url}>
          Download
        </a>{' '}
        <span className="file-info">
          {owned.fileName} · {formatFileSize(owned.sizeBytes)}
        </span>
      </p>
      {buyAgain ? (
        <div className="buy-again">
          <p>
            You will pay again and get a second, separate purchase of {productTitle}. Your download
            above stays available either way.
          </p>
          <BuyButton productSlug={productSlug} label="Pay again for a second copy" />
          <button type="button" className="link-button" onClick={() => setBuyAgain(false)}>
            Keep just the one I have
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="link-button"
          aria-expanded={false}
          onClick={() => setBuyAgain(true)}
        >
          Purchase another copy…
        </button>
      )}
    </div>
  )
}
