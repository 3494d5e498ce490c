/** The one database the embedded PostgreSQL serves in development. */
export const EMBEDDED_DATABASE_NAME = 'storefront'

export function embeddedDatabaseUrl(port: number, database = EMBEDDED_DATABASE_NAME): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${database}`
}
