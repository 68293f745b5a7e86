import type { FastifyInstance } from 'fastify'
import { openApiDocument } from '../openapi/openapi-document.js'
import type { RouteContext } from './route-context.js'

/** The bare OpenAPI document: the one answer that is not wrapped in the envelope. */
export async function openApiRoutes(app: FastifyInstance, { publicUrl }: RouteContext): Promise<void> {
  let document: string | undefined
  app.get('/v1/openapi.json', async (_request, reply) => {
    document ??= JSON.stringify(openApiDocument(publicUrl()))
    return reply.type('application/json; charset=utf-8').send(document)
  })
}
