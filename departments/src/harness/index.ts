// The department harness: what every stand-in department is built from.
export * from './app'
export * from './config'
export * from './db'
export * from './errors'
export * from './faults'
export * from './population'
export * from './seed'
