import type { z } from 'zod'
import type { PinTypeId, PinTypes } from './registry.js'

/** The `pin_config` each pin type accepts, keyed by pin type id. */
export type PinConfigByType = { [Id in PinTypeId]: z.input<PinTypes[Id]['schema']> }

/**
 * A pin type and a config of that type: `pin_type` decides which `pin_config` type-checks. The config may
 * be left out for types whose fields are all optional (it defaults to `{}`).
 */
export type TypedPinConfig = {
  [Id in PinTypeId]: Record<string, never> extends PinConfigByType[Id]
    ? { pin_type: Id; pin_config?: PinConfigByType[Id] }
    : { pin_type: Id; pin_config: PinConfigByType[Id] }
}[PinTypeId]
