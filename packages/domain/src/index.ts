export * from './labels.ts'
export * from './dataset.schema.ts'
export * from './policy.ts'
