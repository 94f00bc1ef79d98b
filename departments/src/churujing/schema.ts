// 出入境 stand-in database schema: only the harness's shared tables (passports and permits are in the ledger).
export { accessLog, certificates, persons, seedMeta } from '../harness/tables'
