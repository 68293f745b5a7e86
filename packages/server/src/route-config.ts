import type { ApiKeyRecord, MemberRecord } from '@pindown/store'
import type { SignedIn } from './people/sessions.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on every route registered from the operations table. */
    readonly operationId?: string
  }
  interface FastifyRequest {
    /** The API key that authenticated this request; set by the guard of every keyed operation. */
    apiKey: ApiKeyRecord
    /** The browser session, once looked up: null when there is none. */
    signedIn: SignedIn | null | undefined
    /** Set by the guard of every session operation (with the membership when the operation needs a role). */
    person: SignedIn & { readonly member?: MemberRecord }
  }
}
