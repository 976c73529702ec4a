// The readers' public face: reading an upload, guessing its coordinate system, mapping its fields and checking its
// features. read-upload.ts and the zip readers need Node; everything else is pure.
export { type AttributeValue, mapAttributes } from './attributes.ts'
export { checkGeometry, duplicateCodes } from './checks.ts'
export { guessCrs } from './guess-crs.ts'
export { columnSignature, suggestMapping } from './mapping.ts'
export { type ReadOptions, readUpload } from './read-upload.ts'
