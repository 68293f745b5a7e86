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
export { parseEventStream, type ServerSentEvent } from './event-stream.js'
export type * from './generated/pin-configs.js'
export { BatchApi, PinsApi, type UpdateOptions } from './pins.js'
export type * from './types.js'
export type { CommentEvent, PinEvent, Watcher, WatchOptions } from './watch.js'
