import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../app-context.js'
import { ApiError } from '../errors.js'
import type { OperationHooks } from '../hooks.js'
import { parse } from '../validation.js'
import { type Access, type HttpMethod, isKeyed, isSessionAccess, type Operation, opensToPeople } from './operation.js'

/** Serves each operation of the table as a Fastify route, with its lifecycle hooks and parsed input. */
export function registerOperations(
  app: FastifyInstance,
  table: readonly Operation[],
  context: AppContext,
  hooksFor: (access: Access, method: HttpMethod) => OperationHooks,
): void {
  for (const op of table) {
    const keyed = isKeyed(op.access)
    const personal = isSessionAccess(op.access) || opensToPeople(op.access)
    const { query, body } = op
    app.route({
      method: op.method,
      url: op.path,
      config: { operationId: op.id },
      ...hooksFor(op.access, op.method),
      handler: (request, reply) => {
        // Nothing stored has a NUL in its id (PostgreSQL cannot even be asked): such an id is not found.
        if (Object.values(request.params as object).some((value) => String(value).includes('\u0000'))) {
          throw new ApiError('NOT_FOUND', 'Not found')
        }
        return op.handler(context, {
          params: request.params as Record<string, string>,
          query: query ? parse(query, request.query) : undefined,
          body: body ? parse(body, request.body) : undefined,
          key: keyed ? (request.apiKey ?? undefined) : undefined,
          person: (personal ? (request.person ?? undefined) : undefined) as never,
          request,
          reply,
        })
      },
    })
  }
}
