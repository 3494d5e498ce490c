import type { CollectionConfig, Config } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'
import path from 'node:path'

import type { ResolvedStorefrontOptions } from '../types'

import { rolesOnly, userHasRole } from '../access'
import { PRODUCT_FILES_SLUG } from '../constants'

/** Where uploads are written while they arrive, inside the files folder (so on the same disk). */
export const UPLOADS_IN_PROGRESS = '.uploading'

/**
 * The files shoppers buy, uploaded in the admin and stored in `productFilesDir`. Private:
 * Payload's own file route for this collection answers editors and staff only; shoppers get
 * the bytes through the download endpoint, which checks their purchase at every request.
 * Shaped like any upload collection, so an object-storage adapter (@payloadcms/storage-s3)
 * can take it over.
 */
export function createProductFilesCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  const editors = rolesOnly(options.editorRoles)
  return {
    slug: PRODUCT_FILES_SLUG,
    labels: { singular: 'Product file', plural: 'Product files' },
    admin: {
      hidden: ({ user }) => !userHasRole(user, options.editorRoles),
      group: 'Shop',
      useAsTitle: 'filename',
      defaultColumns: ['filename', 'filesize', 'mimeType', 'updatedAt'],
      description:
        'The files shoppers download. Never public: buyers get them only through their purchase.',
    },
    access: {
      read: rolesOnly([...new Set([...options.editorRoles, ...options.staffRoles])]),
      create: editors,
      update: editors,
      delete: editors,
    },
    upload: {
      staticDir: path.resolve(options.productFilesDir),
      // Installers and archives of any kind are legitimate products. Only editors upload, and a
      // download is always an attachment with nosniff, so no browser renders or runs one.
      allowRestrictedFileTypes: true,
      // Files, not pictures: no cropping, focal point or resized copies.
      crop: false,
      focalPoint: false,
    },
    fields: [],
  }
}

type UploadSettings = NonNullable<Config['upload']>

/**
 * Payload's upload settings with what product files need filled in where the app left them
 * unset: the upload streamed to a temporary file on the files' disk (not memory, and not a
 * RAM-backed /tmp), and limits that admit multi-gigabyte files.
 */
export function withLargeUploads(
  upload: Config['upload'],
  options: ResolvedStorefrontOptions,
): UploadSettings {
  const settings: UploadSettings = upload ?? {}
  return {
    ...settings,
    useTempFiles: settings.useTempFiles ?? true,
    tempFileDir:
      settings.tempFileDir ?? path.join(path.resolve(options.productFilesDir), UPLOADS_IN_PROGRESS),
    requestSizeLimit: settings.requestSizeLimit ?? options.maxUploadBytes + 1024 ** 2,
    limits: { ...settings.limits, fileSize: settings.limits?.fileSize ?? options.maxUploadBytes },
  }
}

/**
 * Payload's S3 storage adapter on the product files collection when `s3` is set: uploads go to
 * the bucket (private: no ACL is set, and Payload's file route still checks staff access).
 * Applied in every case, disabled without `s3`, so that its fields (`prefix`, `_objectKey`) are
 * in the schema either way and the migrations never depend on the environment.
 */
export function withProductFileStorage(config: Config, options: ResolvedStorefrontOptions): Config {
  const s3 = options.disabled ? null : options.s3
  // The adapter adds to admin.dependencies and admin.components.providers in place: give it
  // copies, never the app's own objects.
  const admin = config.admin ?? {}
  const copy: Config = {
    ...config,
    admin: {
      ...admin,
      dependencies: { ...admin.dependencies },
      components: { ...admin.components, providers: [...(admin.components?.providers ?? [])] },
    },
  }
  return s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    bucket: s3?.bucket ?? '',
    config: s3?.config ?? {},
    collections: { [PRODUCT_FILES_SLUG]: true },
  })(copy) as Config
}
