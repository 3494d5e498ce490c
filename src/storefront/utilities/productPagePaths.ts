type ProductLike = { slug?: null | string } | undefined

/** The distinct page paths showing any of these products (old and new slug after a rename). */
export function productPagePaths(
  products: ProductLike[],
  productPaths: (slug: string) => string[],
): string[] {
  const slugs = new Set(
    products.map((product) => product?.slug).filter((slug): slug is string => Boolean(slug)),
  )
  return [...new Set([...slugs].flatMap(productPaths))]
}
