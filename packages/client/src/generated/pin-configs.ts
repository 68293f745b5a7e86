export interface PinConfigByType { markdown: Record<string, unknown> }
export type PinTypeId = keyof PinConfigByType
export type TypedPinConfig = { [Id in PinTypeId]: { pin_type: Id; pin_config: PinConfigByType[Id] } }[PinTypeId]
