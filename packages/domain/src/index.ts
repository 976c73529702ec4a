export * from './api.schema.ts'
export * from './dataset.schema.ts'
export * from './labels.ts'
export * from './policy.ts'
