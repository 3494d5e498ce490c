/** The sign-in page that brings the shopper back to the product afterwards. */
export function loginUrlFor(loginPath: string, productSlug: string | undefined): string {
  const back = productSlug ? `/products/${productSlug}` : '/products'
  return `${loginPath}?callbackUrl=${encodeURIComponent(back)}`
}
