import type { AfterErrorHook } from 'payload'

/**
 * One answer for every failed sign-in, so the answer never tells whether an account exists:
 * Payload says "The email or password provided is incorrect." for an unknown email or a wrong
 * password, but "This user is locked due to having too many failed login attempts." once an
 * account is locked (its lockout, which stays), confirming the account. The sentence still
 * tells a person what to do.
 */
export const FAILED_LOGIN_MESSAGE =
  'The email or password is incorrect, or the account is locked for a few minutes after too many ' +
  'failed attempts. Check them and try again later, or reset your password.'

/** The errors Payload's login operation throws for bad credentials and for a locked account. */
const LOGIN_FAILURES = new Set(['AuthenticationError', 'LockedAuth'])

/**
 * Config-level afterError hook: REST (`/api/users/login`) and GraphQL (`loginUser`) failures
 * of a sign-in become the same 401 with the same sentence.
 */
export const hideAccountExistenceOnLogin: AfterErrorHook = ({ error, graphqlResult }) => {
  const original = (error as { originalError?: Error }).originalError ?? error
  if (!LOGIN_FAILURES.has(original?.name)) return
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: FAILED_LOGIN_MESSAGE,
        extensions: { ...graphqlResult.extensions, name: 'AuthenticationError', statusCode: 401 },
      },
    }
  }
  return {
    response: { errors: [{ name: 'AuthenticationError', message: FAILED_LOGIN_MESSAGE }] },
    status: 401,
  }
}
