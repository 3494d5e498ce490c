import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { forceCustomerRoleOnSignUp } from './forceCustomerRoleOnSignUp'
import { hasRole } from './hasRole'
import { forgotPassword } from './passwordReset'
import { enforcePasswordLength } from './passwordPolicy'
import { ROLES, STAFF_ROLES } from './roles'

const adminsOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin', 'support')) return true
  return { id: { equals: user.id } }
}

const adminsOnly: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles', 'createdAt'],
    // Editors reach their own account from the avatar; the customer list is for admins and support.
    hidden: ({ user }) => !hasRole(user as Parameters<typeof hasRole>[0], 'admin', 'support'),
  },
  auth: {
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' },
    tokenExpiration: 60 * 60 * 24 * 7,
    forgotPassword,
  },
  hooks: { beforeOperation: [enforcePasswordLength] },
  access: {
    // Staff only: a customer's session is rejected at the door of /admin.
    admin: ({ req: { user } }) => hasRole(user, ...STAFF_ROLES),
    // Anyone may sign up; the roles hook below decides what they become.
    create: () => true,
    read: adminsOrSelf,
    update: ({ req: { user } }) => {
      if (!user) return false
      return hasRole(user, 'admin') || { id: { equals: user.id } }
    },
    delete: ({ req: { user } }) => hasRole(user, 'admin'),
    unlock: ({ req: { user } }) => hasRole(user, 'admin'),
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['customer'],
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      // In the token so access checks need no extra query per request.
      saveToJWT: true,
      access: { update: adminsOnly },
      hooks: { beforeChange: [forceCustomerRoleOnSignUp] },
      admin: {
        description: 'Admins, editors and support staff can enter the admin; customers shop.',
      },
    },
  ],
}
