import { openApiDocument } from '../openapi/openapi-document.js'
import { operation } from './operation.js'

/** By base URL: each app serves its own. */
const documents = new Map<string, string>()

/** The bare OpenAPI document: the one answer that is not wrapped in the envelope. */
export const getOpenApi = operation({
  id: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'The OpenAPI 3.1 document',
  access: { public: true },
  answer: { kind: 'document', description: 'The OpenAPI 3.1 document of this API' },
  errors: [],
  sdk: { none: 'a document for tools, not a call programs make' },
  handler({ publicUrl }, { reply }) {
    const base = publicUrl()
    let document = documents.get(base)
    if (document === undefined) {
      document = JSON.stringify(openApiDocument(base))
      documents.set(base, document)
    }
    return reply.type('application/json; charset=utf-8').send(document)
  },
})
