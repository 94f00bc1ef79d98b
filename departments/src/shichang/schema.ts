// 市场监管 stand-in database schema: only the harness's shared tables (营业执照 are in the certificate ledger).
export { accessLog, certificates, persons, seedMeta } from '../harness/tables'
