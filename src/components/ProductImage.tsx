import type { Media } from '@/payload-types'

import Image from 'next/image'

type Props = {
  image: Media | null | number | undefined
  /** Rendered width in CSS pixels on a wide screen; phones get the full column. */
  width: number
  priority?: boolean
}

/** A product's picture from Payload's Media collection, resized by next/image; nothing without one. */
export function ProductImage({ image, width, priority = false }: Props) {
  if (!image || typeof image !== 'object' || !image.url) return null
  const ratio = image.width && image.height ? image.height / image.width : 9 / 16
  // Payload's URL carries serverURL; as a path it is this site's own file, which next/image may
  // resize without allowing a remote host.
  const src = image.url.startsWith('/') ? image.url : new URL(image.url).pathname
  return (
    <Image
      className="product-image"
      src={src}
      alt={image.alt}
      width={width}
      height={Math.round(width * ratio)}
      sizes={`(max-width: 40rem) 100vw, ${width}px`}
      priority={priority}
    />
  )
}
