/** The part of s3rver (no published types) that tests/helpers/s3rver.ts uses. */
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export default class S3rver {
    constructor(options: {
      directory: string
      silent?: boolean
      configureBuckets?: Array<{ name: string }>
    })
    configureBuckets(): Promise<void>
    callback(): (req: IncomingMessage, res: ServerResponse) => void
  }
}
