import { pinTypeIds, pinTypes } from '../src/index.js'
import { casesOf, checkPinType } from './conformance.js'

for (const id of pinTypeIds) checkPinType(pinTypes[id], await casesOf(id))
