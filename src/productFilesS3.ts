import type { ProductFilesS3Options } from 'payload-plugin-storefront'

import type { Env } from './env'

/** The S3_* variables that only mean something with a bucket. */
const NEEDS_BUCKET = [
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const satisfies ReadonlyArray<keyof Env>

/**
 * The storefront's `s3` option from the environment: null (files on disk, the default) unless
 * S3_BUCKET is set. Half a configuration is refused at start-up, not at the first upload.
 */
export function productFilesS3FromEnv(env: Env): ProductFilesS3Options | null {
  if (!env.S3_BUCKET) {
    const stray = NEEDS_BUCKET.filter((name) => env[name])
    if (stray.length) {
      throw new Error(
        `${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set but S3_BUCKET is not: set S3_BUCKET to keep product files in that bucket, or unset ${stray.length > 1 ? 'them' : 'it'} to keep them on disk.`,
      )
    }
    return null
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new Error(
      'Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS SDK then finds credentials itself, e.g. from an instance role).',
    )
  }
  return {
    bucket: env.S3_BUCKET,
    delivery: env.S3_DELIVERY,
    presignedUrlExpiresInSeconds: env.S3_PRESIGNED_URL_SECONDS,
    config: {
      region: env.S3_REGION ?? 'us-east-1',
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    },
  }
}
