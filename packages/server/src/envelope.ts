/** The success envelope every JSON answer except the OpenAPI document uses. */
export function ok<T>(data: T, message?: string): { success: true; data: T; message?: string } {
  return message === undefined ? { success: true, data } : { success: true, data, message }
}
