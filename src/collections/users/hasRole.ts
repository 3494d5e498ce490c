import type { Role } from './roles'

type MaybeUser = { roles?: null | readonly string[] } | null | undefined

export function hasRole(user: MaybeUser, ...roles: readonly Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))
}
