import { notFound } from 'next/navigation'

/** Any address the shop does not have gets the shop's own 404 page, inside its layout. */
export default function MissingPage() {
  notFound()
}
