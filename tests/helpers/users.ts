import type { Role } from '@/collections/users/roles'

import { getTestPayload } from './getTestPayload'

let counter = 0

/** Creates a user with the given roles through the Local API (trusted server code) and returns its credentials. */
export async function createUser(
  roles: Role[],
): Promise<{ id: number; email: string; password: string }> {
  const payload = await getTestPayload()
  const email = `${roles.join('-')}-${Date.now()}-${counter++}@test.example`
  const password = 'correct horse battery staple'
  const user = await payload.create({ collection: 'users', data: { email, password, roles } })
  return { id: user.id, email, password }
}
