// Every table of the BFF, from the capability that owns it (drizzle-kit reads ./src/*/tables.ts directly).
export * from '../identity/tables'
export * from '../audit/tables'
export * from '../data-use/tables'
export * from '../keys/tables'
export * from '../presentation/tables'
export * from '../health-code/tables'
export * from '../feedback/tables'
