// 民政 stand-in database schema: only the harness's shared tables (结婚证 are in the certificate ledger).
export { accessLog, certificates, persons, seedMeta } from '../harness/tables'
