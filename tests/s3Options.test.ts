import type { Config } from 'payload'

import { describe, expect, it } from 'vitest'

import { parseEnv } from '@/env'
import { productFilesS3FromEnv } from '@/productFilesS3'
import { storefront } from 'payload-plugin-storefront'

const envOf = (vars: Record<string, string>) => parseEnv(vars as NodeJS.ProcessEnv)

/** The `s3` option and the S3_* variables: half a configuration is refused with the fix. */
const email = { from: 'Shop <shop@test.example>' }
const s3Config = (s3: object) => () =>
  storefront({ email, s3: s3 as never })({ collections: [] } as unknown as Config)

describe('The s3 option', () => {
  it('leaves product files on disk when unset', () => {
    const config = storefront({ email })({ collections: [] } as unknown as Config)
    const files = config.collections!.find((collection) => collection.slug === 'product-files')!
    expect((files.upload as { disableLocalStorage?: boolean }).disableLocalStorage).toBeFalsy()
    // The adapter's fields are there either way, so the schema never depends on the setting.
    expect(files.fields.map((field) => ('name' in field ? field.name : ''))).toContain('prefix')
  })

  it('moves product files to the bucket when set', () => {
    const config = s3Config({ bucket: 'files', config: { region: 'eu-west-1' } })()
    const files = config.collections!.find((collection) => collection.slug === 'product-files')!
    expect((files.upload as { disableLocalStorage?: boolean }).disableLocalStorage).toBe(true)
  })

  it('refuses an empty bucket, an unknown delivery and a presigned URL lifetime out of range', () => {
    expect(s3Config({ bucket: ' ', config: {} })).toThrowError(/s3.bucket is empty/)
    expect(s3Config({ bucket: 'b', config: {}, delivery: 'proxy' })).toThrowError(
      /use 'stream' .* or 'redirect'/,
    )
    expect(s3Config({ bucket: 'b', config: {}, presignedUrlExpiresInSeconds: 0 })).toThrowError(
      /from 1 to 3600/,
    )
    expect(
      s3Config({ bucket: 'b', config: {}, presignedUrlExpiresInSeconds: 7 * 24 * 3600 }),
    ).toThrowError(/from 1 to 3600/)
  })
})

describe('The S3_* variables', () => {
  it('mean files on disk when S3_BUCKET is unset', () => {
    expect(productFilesS3FromEnv(envOf({}))).toBeNull()
  })

  it('refuse settings without a bucket, and one key without the other', () => {
    expect(() => productFilesS3FromEnv(envOf({ S3_ENDPOINT: 'http://minio:9000' }))).toThrow(
      /S3_ENDPOINT is set but S3_BUCKET is not/,
    )
    expect(() =>
      productFilesS3FromEnv(envOf({ S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'AKIA' })),
    ).toThrow(/Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither/)
    expect(() => envOf({ S3_DELIVERY: 'proxy' })).toThrow(/S3_DELIVERY must be stream/)
    expect(() => envOf({ S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be the http/)
  })

  it('become the s3 option', () => {
    const s3 = productFilesS3FromEnv(
      envOf({
        S3_BUCKET: 'files',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
        S3_DELIVERY: 'redirect',
      }),
    )
    expect(s3).toEqual({
      bucket: 'files',
      delivery: 'redirect',
      presignedUrlExpiresInSeconds: 300,
      config: {
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      },
    })
  })
})
