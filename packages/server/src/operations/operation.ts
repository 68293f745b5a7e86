import type { ApiKeyRecord, MemberRecord, Scope, WorkspaceRole } from '@pindown/store'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { AppContext } from '../app-context.js'
import type { ErrorCode } from '../errors.js'
import type { SignedIn } from '../people/sessions.js'
import type { KeyBucket } from '../rate-limit/rate-limiter.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type KeyAccess = {
  readonly scope: Scope
  readonly bucket: KeyBucket
  /**
   * Also open to people from a pin's page, with their browser session instead of a key (changes
   * CSRF-checked); `anyone` lets anonymous readers call it too (a GET, for public pins). The handler
   * decides from the person's role for the pin what they may do (`pins/pin-callers.ts`).
   */
  readonly people?: 'signed-in' | 'anyone'
}
/**
 * The web app's own operations: a browser session (changes CSRF-checked), with at least this role in the
 * person's workspace, or just signed in. Programs never call these: API keys are for the pin operations.
 */
export type SessionAccess = { readonly session: WorkspaceRole | 'signed-in' }
/** Who may call an operation: a key with this scope, counted in this bucket; a signed-in person; or anyone. */
export type Access = KeyAccess | SessionAccess | { readonly public: true }

/** A signed-in person, with their membership of the workspace they act in when the operation needs one. */
export type Person<A> = A extends { session: WorkspaceRole }
  ? SignedIn & { readonly member: MemberRecord }
  : A extends { session: 'signed-in' }
    ? SignedIn
    : undefined

/** Path segments and headers arrive as strings; their schemas describe them, the handler reads them. */
type StringFields = z.ZodObject<Record<string, z.ZodType<string | undefined>>>

/** What a success looks like: the envelope around `data`, an event stream, or a bare JSON document. */
export type Answer =
  | { readonly kind: 'envelope'; readonly status: 200 | 201; readonly data: z.ZodType }
  | { readonly kind: 'event-stream'; readonly events: Readonly<Record<string, string>> }
  | { readonly kind: 'document'; readonly description: string }

/** How the SDK exposes an operation: a method path such as `pins.batch.get`, or why it has none. */
export type SdkBinding = { readonly method: string } | { readonly none: string }

export interface HandlerInput<A extends Access, P, Q, B> {
  readonly params: P
  readonly query: Q
  readonly body: B
  /** The key that authenticated the call; only keyed operations have one (operations open to people may not). */
  readonly key: A extends { people: string }
    ? ApiKeyRecord | undefined
    : A extends { scope: Scope }
      ? ApiKeyRecord
      : undefined
  /** The person whose session called; session operations have one, operations open to people may. */
  readonly person: A extends { people: string } ? SignedIn | undefined : Person<A>
  readonly request: FastifyRequest
  readonly reply: FastifyReply
}

/**
 * One endpoint, declared once. The route, its auth/limit/scope guard, its request parsing, the OpenAPI
 * document, the endpoint table of docs/api.md, the test matrices and the SDK coverage check are all read
 * from these. `id` is the OpenAPI `operationId`.
 */
export interface Operation<
  A extends Access = Access,
  P extends StringFields = StringFields,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  readonly id: string
  readonly method: HttpMethod
  /** Fastify syntax: `/v1/pins/:pinId`. */
  readonly path: string
  readonly summary: string
  readonly access: A
  readonly params?: P
  /** Parsed before the handler runs; a bad query is a `VALIDATION_ERROR` naming the field. */
  readonly query?: Q
  /** Parsed before the handler runs; a bad body is a `VALIDATION_ERROR` naming every problem. */
  readonly body?: B
  readonly headers?: StringFields
  readonly answer: Answer
  /** The codes this operation answers besides those of auth, rate limits and bodies, which are implied. */
  readonly errors: readonly ErrorCode[]
  readonly sdk: SdkBinding
  handler(
    context: AppContext,
    input: HandlerInput<A, z.output<P>, z.output<Q>, z.output<B>>,
  ): Promise<unknown> | unknown
}

/** Declares an operation with its handler typed from its schemas. */
export function operation<
  const A extends Access,
  P extends StringFields = z.ZodObject<Record<string, never>>,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(definition: Operation<A, P, Q, B>): Operation {
  return definition as unknown as Operation
}

export const isKeyed = (access: Access): access is KeyAccess => 'scope' in access
export const opensToPeople = (access: Access): access is KeyAccess & { people: 'signed-in' | 'anyone' } =>
  isKeyed(access) && access.people !== undefined
export const isSessionAccess = (access: Access): access is SessionAccess => 'session' in access
