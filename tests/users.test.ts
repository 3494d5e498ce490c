import config from '@payload-config'
import { createPayloadRequest } from 'payload'
import { getStorefrontOptions } from 'payload-plugin-storefront'
import { beforeAll, describe, expect, it } from 'vitest'

import { forceCustomerRoleOnSignUp } from '@/collections/users/forceCustomerRoleOnSignUp'

import { FAILED_LOGIN_MESSAGE } from '@/collections/users/login'

import { gql, login, rest, SERVER_URL } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { createPurchase } from './helpers/purchases'
import { createUser } from './helpers/users'

type UserDoc = { id: number; email: string; roles: string[] }

/** Emails unique to this run, so a second run against the same database never collides. */
const runId = `${Date.now()}-${process.pid}`

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
          email: `sneaky-rest-${runId}@test.example`,
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
        body: { email: `plain-${runId}@test.example`, password: 'a long password 123' },
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
            email: `sneaky-gql-${runId}@test.example`,
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
          email: `late-first-${runId}@test.example`,
          password: 'a long password 123',
          confirmPassword: 'a long password 123',
          roles: ['admin'],
        },
      })
      expect(response.status).toBeGreaterThanOrEqual(400)
      const { docs } = await (
        await getTestPayload()
      ).find({
        collection: 'users',
        where: { email: { equals: `late-first-${runId}@test.example` } },
      })
      expect(docs.every((user) => user.roles.includes('admin') === false)).toBe(true)
    })

    it('the sign-up hook itself refuses first-register roles once users exist (not only Payload)', async () => {
      // Payload's own first-register answers 403 before this hook runs when users exist; the hook
      // checks again so a future route or a Payload change cannot mint an admin.
      const payload = await getTestPayload()
      const request = new Request(`${SERVER_URL}/api/users/first-register`, { method: 'POST' })
      const req = await createPayloadRequest({ config, request })
      const roles = await (forceCustomerRoleOnSignUp as (args: unknown) => Promise<unknown>)({
        operation: 'create',
        req,
        value: ['admin'],
      })
      expect((await payload.count({ collection: 'users' })).totalDocs).toBeGreaterThan(0)
      expect(roles).toEqual(['customer'])
    })

    it('an admin can create staff accounts', async () => {
      const admin = await createUser(['admin'])
      const { token } = await login(admin.email, admin.password)
      const response = await rest('POST', '/users', {
        token,
        body: {
          email: `new-editor-${runId}@test.example`,
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

    it("a shopper's reset email links to the storefront's page, in the shop's layout, with a text part", async () => {
      const user = await createUser(['customer'])
      await rest('POST', '/users/forgot-password', { body: { email: user.email } })
      const [mail] = await mailTo(user.email)
      const { storeName } = getStorefrontOptions(await getTestPayload())
      expect(mail.subject).toBe(`Reset your password at ${storeName}`)
      const link = new RegExp(`href="${SERVER_URL}/reset-password\\?token=[a-f0-9]{40}"`)
      expect(mail.html).toMatch(link)
      expect(mail.html).toContain('Choose a new password')
      expect(mail.html).toContain('Questions? Write to')
      expect(mail.text).toMatch(
        new RegExp(`Choose a new password: ${SERVER_URL}/reset-password\\?token=[a-f0-9]{40}`),
      )
      expect(mail.text).toContain('works once, for 60 minutes')
      expect(mail.text).not.toMatch(/<[a-z]/)
    })

    it("a staff member's reset email links to the admin's reset screen", async () => {
      for (const role of ['admin', 'editor', 'support'] as const) {
        const user = await createUser([role])
        await rest('POST', '/users/forgot-password', { body: { email: user.email } })
        const [mail] = await mailTo(user.email)
        expect(mail.html).toMatch(new RegExp(`href="${SERVER_URL}/admin/reset/[a-f0-9]{40}"`))
        expect(mail.html).not.toContain('/reset-password')
      }
    })

    it('an unknown email gets the same answer as a known one, and no email leaves', async () => {
      const known = await createUser(['customer'])
      const unknown = `nobody-${Date.now()}@test.example`
      const answer = async (email: string) => {
        const response = await rest('POST', '/users/forgot-password', { body: { email } })
        return { status: response.status, body: await response.json() }
      }
      expect(await answer(unknown)).toEqual(await answer(known.email))
      expect(await mailTo(unknown)).toEqual([])
    })
  })

  describe('passwords: at least 8 characters, whichever way the password is set', () => {
    const shortPasswordError = {
      errors: [
        expect.objectContaining({
          name: 'ValidationError',
          data: expect.objectContaining({
            errors: [
              {
                path: 'password',
                message: 'Choose a password of at least 8 characters.',
              },
            ],
          }),
        }),
      ],
    }
    const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random()}@test.example`

    it('REST sign-up with a 3-character password → 400 naming the rule, and no account', async () => {
      const email = uniqueEmail('short-rest')
      const response = await rest('POST', '/users', { body: { email, password: 'abc' } })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject(shortPasswordError)
      const { totalDocs } = await (
        await getTestPayload()
      ).count({ collection: 'users', where: { email: { equals: email } } })
      expect(totalDocs).toBe(0)
    })

    it('GraphQL sign-up with a 7-character password is refused, naming the rule', async () => {
      const email = uniqueEmail('short-gql')
      const result = await gql<unknown>(
        'mutation ($data: mutationUserInput!) { createUser(data: $data) { id } }',
        { data: { email, password: '1234567', roles: ['customer'] } },
      )
      const [error] = (result.errors ?? []) as Array<{
        extensions?: { data?: { errors?: Array<{ path: string; message: string }> } }
      }>
      expect(error?.extensions?.data?.errors).toEqual([
        { path: 'password', message: 'Choose a password of at least 8 characters.' },
      ])
      const { totalDocs } = await (
        await getTestPayload()
      ).count({ collection: 'users', where: { email: { equals: email } } })
      expect(totalDocs).toBe(0)
    })

    it('8 characters are enough', async () => {
      const response = await rest('POST', '/users', {
        body: { email: uniqueEmail('eight'), password: '12345678' },
      })
      expect(response.status).toBe(201)
    })

    it('a signed-in customer cannot change their password to a short one', async () => {
      const user = await createUser(['customer'])
      const { token } = await login(user.email, user.password)
      const response = await rest('PATCH', `/users/${user.id}`, {
        token,
        body: { password: 'short' },
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject(shortPasswordError)
      await expect(login(user.email, user.password)).resolves.toBeTruthy()
    })

    it('a password reset to a short password is refused and the old password keeps working', async () => {
      const user = await createUser(['customer'])
      await rest('POST', '/users/forgot-password', { body: { email: user.email } })
      const [mail] = await mailTo(user.email)
      const token = /[?&]token=([a-f0-9]{20,})/.exec(mail.html ?? '')?.[1]
      expect(token).toBeTruthy()
      const response = await rest('POST', '/users/reset-password', {
        body: { token, password: 'short' },
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject(shortPasswordError)
      await expect(login(user.email, user.password)).resolves.toBeTruthy()
    })
  })

  describe('a failed sign-in never tells whether the account exists', () => {
    const attempt = async (email: string, password: string) => {
      const response = await rest('POST', '/users/login', { body: { email, password } })
      return { status: response.status, body: await response.json() }
    }
    const failed = {
      status: 401,
      body: { errors: [{ name: 'AuthenticationError', message: FAILED_LOGIN_MESSAGE }] },
    }

    it('unknown email, wrong password, locked account (wrong or right password): one answer', async () => {
      const user = await createUser(['customer'])
      expect(await attempt(`nobody-${Date.now()}@test.example`, 'whatever it is')).toEqual(failed)
      expect(await attempt(user.email, 'not the password')).toEqual(failed)
      // Payload's lockout stays: five failures lock the account for a while.
      for (let tries = 0; tries < 5; tries += 1) await attempt(user.email, 'not the password')
      const stored = await (
        await getTestPayload()
      ).findByID({ collection: 'users', id: user.id, showHiddenFields: true })
      expect(new Date(String(stored.lockUntil)).getTime()).toBeGreaterThan(Date.now())
      expect(await attempt(user.email, 'not the password')).toEqual(failed)
      expect(await attempt(user.email, user.password)).toEqual(failed)
    })

    it('GraphQL loginUser answers the same for an unknown email and a locked account', async () => {
      const user = await createUser(['customer'])
      const loginUser = (email: string, password: string) =>
        gql(
          'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
          {
            email,
            password,
          },
        )
      for (let tries = 0; tries < 5; tries += 1) await loginUser(user.email, 'not the password')
      const locked = await loginUser(user.email, user.password)
      const unknown = await loginUser(`nobody-${Date.now()}@test.example`, 'whatever it is')
      expect(locked.errors?.[0].message).toBe(FAILED_LOGIN_MESSAGE)
      expect(unknown.errors?.[0].message).toBe(FAILED_LOGIN_MESSAGE)
      expect(locked.data).toEqual(unknown.data)
    })
  })

  describe('deleting a customer', () => {
    it('is refused with 409 while they have purchases, and nothing is lost', async () => {
      const payload = await getTestPayload()
      const admin = await createUser(['admin'])
      const { token } = await login(admin.email, admin.password)
      const buyer = await createUser(['customer'])
      const product = await createProduct()
      const purchase = await createPurchase({ userId: buyer.id, product, status: 'refunded' })

      const response = await rest('DELETE', `/users/${buyer.id}`, { token })
      expect(response.status).toBe(409)
      const { errors } = (await response.json()) as { errors: Array<{ message: string }> }
      expect(errors[0].message).toContain('This customer has a purchase')
      expect(errors[0].message).toContain('Revoke their access')

      const stillThere = await payload.findByID({ collection: 'users', id: buyer.id })
      expect(stillThere.email).toBe(buyer.email)
      const kept = await payload.findByID({ collection: 'purchases', id: purchase.id, depth: 0 })
      expect(kept.user).toBe(buyer.id)
    })

    it('goes through for a customer without purchases', async () => {
      const admin = await createUser(['admin'])
      const { token } = await login(admin.email, admin.password)
      const browser = await createUser(['customer'])

      const response = await rest('DELETE', `/users/${browser.id}`, { token })
      expect(response.status).toBe(200)
      const { totalDocs } = await (
        await getTestPayload()
      ).count({ collection: 'users', where: { id: { equals: browser.id } } })
      expect(totalDocs).toBe(0)
    })
  })
})
