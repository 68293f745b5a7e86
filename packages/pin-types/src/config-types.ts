import type { z } from 'zod'
import type { PinTypeId, PinTypes } from './registry.js'

/** The `pin_config` each pin type accepts, keyed by pin type id. */
export type PinConfigByType = { [Id in PinTypeId]: z.input<PinTypes[Id]['schema']> }

export type MarkdownPinConfig = PinConfigByType['markdown']
export type TextMediaPinConfig = PinConfigByType['text-media']
export type StatCardsPinConfig = PinConfigByType['stat-cards']
export type TablePinConfig = PinConfigByType['table']
