import { beforeAll, describe, expect, it } from 'vitest'

import { gql, login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { mailTo } from './helpers/mailCatcher'
import { createUser } from './helpers/users'

type UserDoc = { id: number; email: string; roles: string[] }

describe('users and roles', () => {
  let customer: { id: number; email: string; password: string; token: string; cookie: string }

  beforeAll(async () => {
    await getTestPayload()
    const created = await createUser(['customer'])
    customer = { ...created, ...(await login(created.email, created.password)) }
  })

  describe('public sign-up always yields a customer', () => {
    it('REST: POST /api/users with roles [admin] creates a customer', async () => {
      const response = await rest('POST', '/users', {
        body: {
          email: 'sneaky-rest@test.example',
          password: 'a long password 123',
          roles: ['admin', 'editor'],
        },
      })
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as { doc: UserDoc }
      const stored = await (await getTestPayload()).findByID({ collection: 'users', id: doc.id })
      expect(stored.roles).toEqual(['customer'])
    })

    it('REST: POST /api/users without roles creates a customer', async () => {
      const response = await rest('POST', '/users', {
        body: { email: 'plain@test.example', password: 'a long password 123' },
      })
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as { doc: UserDoc }
      expect(
        (await (await getTestPayload()).findByID({ collection: 'users', id: doc.id })).roles,
      ).toEqual(['customer'])
    })

    it('GraphQL: createUser with roles [admin] creates a customer', async () => {
      const result = await gql<{ createUser: { id: number; roles: string[] } }>(
        'mutation ($data: mutationUserInput!) { createUser(data: $data) { id roles } }',
        {
          data: {
            email: 'sneaky-gql@test.example',
            password: 'a long password 123',
            roles: ['admin'],
          },
        },
      )
      expect(result.errors).toBeUndefined()
      const stored = await (
        await getTestPayload()
      ).findByID({ collection: 'users', id: result.data!.createUser.id })
      expect(stored.roles).toEqual(['customer'])
    })

    it('first-register on a database that already has users still yields a customer', async () => {
      const response = await rest('POST', '/users/first-register', {
        body: {
          email: 'late-first@test.example',
          password: 'a long password 123',
          confirmPassword: 'a long password 123',
          roles: ['admin'],
        },
      })
      expect(response.status).toBeGreaterThanOrEqual(400)
      const { docs } = await (
        await getTestPayload()
      ).find({ collection: 'users', where: { email: { equals: 'late-first@test.example' } } })
      expect(docs.every((user) => user.roles.includes('admin') === false)).toBe(true)
    })

    it('an admin can create staff accounts', async () => {
      const admin = await createUser(['admin'])
      const { token } = await login(admin.email, admin.password)
      const response = await rest('POST', '/users', {
        token,
        body: {
          email: 'new-editor@test.example',
          password: 'a long password 123',
          roles: ['editor'],
        },
      })
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as { doc: UserDoc }
      expect(
        (await (await getTestPayload()).findByID({ collection: 'users', id: doc.id })).roles,
      ).toEqual(['editor'])
    })
  })

  describe('a customer cannot change their own roles', () => {
    it('REST: PATCH /api/users/:id with roles leaves them unchanged', async () => {
      const response = await rest('PATCH', `/users/${customer.id}`, {
        token: customer.token,
        body: { roles: ['admin'], name: 'Renamed' },
      })
      expect(response.status).toBe(200)
      const stored = await (
        await getTestPayload()
      ).findByID({ collection: 'users', id: customer.id })
      expect(stored.roles).toEqual(['customer'])
      expect(stored.name).toBe('Renamed') // the rest of the update went through
    })

    it('GraphQL: updateUser with roles leaves them unchanged', async () => {
      const result = await gql(
        'mutation ($id: Int!, $data: mutationUserUpdateInput!) { updateUser(id: $id, data: $data) { id roles } }',
        { id: customer.id, data: { roles: ['admin'] } },
        { token: customer.token },
      )
      expect(result.errors).toBeUndefined()
      const stored = await (
        await getTestPayload()
      ).findByID({ collection: 'users', id: customer.id })
      expect(stored.roles).toEqual(['customer'])
    })

    it('cannot update or read another user', async () => {
      const other = await createUser(['customer'])
      const patch = await rest('PATCH', `/users/${other.id}`, {
        token: customer.token,
        body: { name: 'hijacked' },
      })
      expect(patch.status).toBe(403)
      const read = await rest('GET', `/users/${other.id}`, { token: customer.token })
      expect(read.status).toBe(404)
    })

    it('an admin can change roles', async () => {
      const admin = await createUser(['admin'])
      const target = await createUser(['customer'])
      const { token } = await login(admin.email, admin.password)
      const response = await rest('PATCH', `/users/${target.id}`, {
        token,
        body: { roles: ['support'] },
      })
      expect(response.status).toBe(200)
      expect(
        (await (await getTestPayload()).findByID({ collection: 'users', id: target.id })).roles,
      ).toEqual(['support'])
    })
  })

  describe('who may enter /admin', () => {
    it('a customer is refused admin access', async () => {
      const response = await rest('GET', '/access', { token: customer.token })
      expect(response.status).toBe(200)
      // Payload leaves the flag out rather than sending false.
      expect(
        ((await response.json()) as { canAccessAdmin?: boolean }).canAccessAdmin ?? false,
      ).toBe(false)
    })

    it.each(['admin', 'editor', 'support'] as const)('%s may enter the admin', async (role) => {
      const staff = await createUser([role])
      const { token } = await login(staff.email, staff.password)
      const response = await rest('GET', '/access', { token })
      expect(((await response.json()) as { canAccessAdmin: boolean }).canAccessAdmin).toBe(true)
    })
  })

  describe('the auth cookie is not accepted from another origin', () => {
    it('same-origin request with the cookie is authenticated', async () => {
      const response = await rest('GET', '/users/me', {
        cookie: customer.cookie,
        headers: { Origin: 'http://localhost:3000' },
      })
      expect(((await response.json()) as { user: UserDoc | null }).user?.email).toBe(customer.email)
    })

    it('cross-origin request with the cookie is anonymous', async () => {
      const response = await rest('GET', '/users/me', {
        cookie: customer.cookie,
        headers: { Origin: 'https://evil.example' },
      })
      expect(((await response.json()) as { user: UserDoc | null }).user).toBeNull()
    })
  })

  describe("Payload's own emails", () => {
    it('a password reset leaves through the resend SDK, the same path as receipts', async () => {
      const user = await createUser(['customer'])
      const response = await rest('POST', '/users/forgot-password', { body: { email: user.email } })
      expect(response.status).toBe(200)
      const [mail, ...more] = await mailTo(user.email)
      expect(more).toHaveLength(0)
      expect(mail.subject).toMatch(/reset your password/i)
      expect(mail.html).toMatch(/reset-password|reset/i)
    })
  })
})
