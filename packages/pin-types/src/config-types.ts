import type { z } from 'zod'
import type { PinTypeId, PinTypes } from './registry.js'

/** The `pin_config` each pin type accepts, keyed by pin type id. */
export type PinConfigByType = { [Id in PinTypeId]: z.input<PinTypes[Id]['schema']> }

/** A create or update body's type and config, checked together: `pin_type` picks the config's shape. */
export type TypedPinConfig = { [Id in PinTypeId]: { pin_type: Id; pin_config: PinConfigByType[Id] } }[PinTypeId]
