// Request and response shapes of accounts: sign-in, the session, passwords, personal access tokens, users and the
// audit log. Shared by the API (validation, OpenAPI) and the web app (parsing).
import { z } from 'zod'
import { permission, role } from './access.ts'
import { intParam, pageParams, streetCodeParam } from './api.schema.ts'
import { auditAction } from './compound-edit.schema.ts'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/

export const usernameSchema = z
  .string()
  .regex(
    USERNAME_PATTERN,
    'username must be 2–64 characters: lower-case letters, digits, dot, underscore or hyphen, starting with a letter or digit',
  )

/** Why a new password is not acceptable, or undefined when it is. */
export function passwordProblem(username: string, password: string): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return `the password must have at least ${PASSWORD_MIN_LENGTH} characters`
  if (password.length > PASSWORD_MAX_LENGTH)
    return `the password must have at most ${PASSWORD_MAX_LENGTH} characters`
  if (password.trim().toLowerCase() === username.trim().toLowerCase())
    return 'the password must not be the user name'
  return undefined
}

const passwordInput = z.string().min(1, 'password is required').max(PASSWORD_MAX_LENGTH)

export const loginRequest = z
  .strictObject({
    username: z.string().trim().min(1, 'username is required').max(64).toLowerCase(),
    password: passwordInput,
  })
  .meta({ id: 'LoginRequest' })
export type LoginRequest = z.infer<typeof loginRequest>

export const passwordChangeRequest = z
  .strictObject({
    currentPassword: passwordInput,
    newPassword: z
      .string()
      .max(PASSWORD_MAX_LENGTH, `the password must have at most ${PASSWORD_MAX_LENGTH} characters`),
  })
  .meta({ id: 'PasswordChangeRequest' })
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequest>

const timestamp = z.string().meta({ format: 'date-time' })
const label = z.object({ zh: z.string(), en: z.string() })

export const streetRef = z.object({ code: z.string(), name: z.string() }).meta({ id: 'StreetRef' })

export const accountUser = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: role.schema,
    roleLabel: label,
    streets: z.array(streetRef).meta({ description: 'the streets an area-limited role works in' }),
    mustChangePassword: z.boolean(),
    demo: z.boolean(),
  })
  .meta({ id: 'AccountUser' })
export type AccountUser = z.infer<typeof accountUser>

export const sessionResponse = z
  .object({
    authenticated: z.boolean(),
    via: z.enum(['anonymous', 'session', 'token']),
    user: accountUser.nullable(),
    permissions: z.array(permission.schema).meta({ description: 'what this caller may do' }),
    areaLimited: z
      .array(permission.schema)
      .meta({ description: 'the permissions that hold only inside user.streets' }),
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'send as X-CSRF-Token with every cookie-authenticated POST, PATCH or DELETE' }),
    publicRead: z.boolean().meta({ description: 'whether visitors who have not signed in may read' }),
    demoAccounts: z.boolean().meta({
      description:
        'whether the demo accounts made on the first embedded start are active (their passwords were printed to the console then)',
    }),
  })
  .meta({ id: 'Session' })
export type SessionResponse = z.infer<typeof sessionResponse>

export const tokenCreateRequest = z
  .strictObject({
    name: z.string().trim().min(1, 'name is required').max(100),
    expiresInDays: z
      .number()
      .int('expiresInDays must be a whole number')
      .min(1)
      .max(3650)
      .optional()
      .meta({ description: 'days until the token stops working; without it the token works until revoked' }),
  })
  .meta({ id: 'TokenCreateRequest' })
export type TokenCreateRequest = z.infer<typeof tokenCreateRequest>

export const apiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().meta({ description: 'the first characters of the token, to tell tokens apart' }),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    expiresAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' })
export type ApiToken = z.infer<typeof apiToken>

export const apiTokenList = z.object({ tokens: z.array(apiToken) }).meta({ id: 'ApiTokenList' })

export const apiTokenCreated = apiToken
  .extend({
    token: z
      .string()
      .meta({ description: 'the secret, shown once: send it as `Authorization: Bearer <token>`' }),
  })
  .meta({ id: 'ApiTokenCreated' })
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>

export const userRecord = accountUser
  .extend({
    active: z.boolean(),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
    passwordChangedAt: timestamp.nullable(),
  })
  .meta({ id: 'User' })
export type UserRecord = z.infer<typeof userRecord>

export const userListQuery = z.strictObject({
  ...pageParams,
  role: role.schema.optional(),
  active: z
    .enum(['true', 'false'], { error: 'active must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
})
export type UserListQuery = z.infer<typeof userListQuery>

export const userPage = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    users: z.array(userRecord),
  })
  .meta({ id: 'UserPage' })

const streetCodes = z
  .array(streetCodeParam)
  .max(100)
  .refine((codes) => new Set(codes).size === codes.length, 'streets must not repeat a code')
  .meta({ description: 'GB/T 2260 codes of the streets the user works in' })
const displayName = z.string().trim().min(1).max(100)

export const userCreateRequest = z
  .strictObject({
    username: usernameSchema,
    displayName: displayName.optional(),
    role: role.schema,
    streets: streetCodes.optional(),
  })
  .meta({ id: 'UserCreateRequest' })
export type UserCreateRequest = z.infer<typeof userCreateRequest>

export const userCreated = z
  .object({
    user: userRecord,
    oneTimePassword: z.string().meta({ description: 'shown once; the user must change it at first sign-in' }),
  })
  .meta({ id: 'UserCreated' })

export const userPatchRequest = z
  .strictObject({
    displayName: displayName.nullable().optional(),
    role: role.schema.optional(),
    streets: streetCodes.optional(),
    active: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of displayName, role, streets, active')
  .meta({ id: 'UserPatchRequest' })
export type UserPatchRequest = z.infer<typeof userPatchRequest>

export const oneTimePasswordResponse = z
  .object({ oneTimePassword: z.string() })
  .meta({ id: 'OneTimePassword' })

export const auditListQuery = z.strictObject({
  ...pageParams,
  entityType: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'entityType must be lower-case letters and underscores, such as compound')
    .optional(),
  entityId: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'entityId must be 1–64 letters, digits, dot, underscore or hyphen')
    .optional(),
  userId: intParam('userId', 1, 2_147_483_647).optional(),
})
export type AuditListQuery = z.infer<typeof auditListQuery>

export const auditEntry = z
  .object({
    id: z.number().int(),
    at: timestamp,
    user: z
      .object({ id: z.number().int(), username: z.string(), displayName: z.string().nullable() })
      .nullable(),
    action: auditAction.schema,
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof auditEntry>

export const auditPage = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    entries: z.array(auditEntry),
  })
  .meta({ id: 'AuditPage' })
export type AuditPage = z.infer<typeof auditPage>
