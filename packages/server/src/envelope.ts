import type { FastifyReply } from 'fastify'

/** The success envelope every JSON answer except the OpenAPI document uses. */
export function ok<T>(data: T, message?: string): { success: true; data: T; message?: string } {
  return message === undefined ? { success: true, data } : { success: true, data, message }
}

/** `ok` for data that is already JSON text (see `pinJson`). */
export function okJson(data: string, message?: string): string {
  return message === undefined
    ? `{"success":true,"data":${data}}`
    : `{"success":true,"data":${data},"message":${JSON.stringify(message)}}`
}

/** Answers JSON text: Fastify sends a string payload as it is once the type is set. */
export function sendJson(reply: FastifyReply, text: string): string {
  reply.type('application/json; charset=utf-8')
  return text
}

/** Answers `okJson`. */
export function sendOk(reply: FastifyReply, data: string, message?: string): string {
  return sendJson(reply, okJson(data, message))
}
