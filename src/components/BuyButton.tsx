/**
 * The Buy button. Until checkout ships it is rendered disabled, so shoppers see the price
 * and the product but cannot start a payment that the shop cannot yet take.
 */
export function BuyButton({ productSlug }: { productSlug: string }) {
  return (
    <form action="/api/checkout" method="post" className="buy-form">
      <input type="hidden" name="productSlug" value={productSlug} />
      <button type="submit" className="buy-button" disabled aria-describedby={`buy-note-${productSlug}`}>
        Buy
      </button>
      <p className="buy-note" id={`buy-note-${productSlug}`}>
        Checkout opens soon.
      </p>
    </form>
  )
}
