/** No published product has this slug (unknown, deleted or still a draft). */
export class ProductNotFoundError extends Error {
  constructor(readonly productSlug: string) {
    super(
      `No product found for slug "${productSlug}". It may have been unpublished or renamed; pick it again from the catalog.`,
    )
    this.name = 'ProductNotFoundError'
  }
}
