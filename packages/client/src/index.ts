export { PindownClient, type PindownClientOptions } from './client.js'
export {
  AuthenticationError,
  ConflictError,
  type ErrorDetail,
  NotFoundError,
  PindownError,
  RateLimitError,
  ValidationError,
} from './errors.js'
export type * from './generated/pin-configs.js'
export { BatchApi, PinsApi, type UpdateOptions } from './pins.js'
export type * from './types.js'
