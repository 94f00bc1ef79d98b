// Prints the environment of every department in the registry as shell lines for scripts/start to eval: its port
// (DEPT_<CODE>_PORT, where the stand-in listens) and its address (DEPT_<CODE>_URL, where the BFF reaches it). A value
// already set in the environment is kept; otherwise the port is the registry's and the address follows the port.
// Also who may call the stand-ins: the BFF's signing key (BFF_DEPT_SIGNING_KEY, a private Ed25519 JWK) and its public
// half registered at every department (DEPT_BFF_PUBLIC_JWK), a fresh pair per start unless set; and the stand-ins'
// operator (DEPT_OPERATORS, `name=token`) for their /_admin/ routes, a fresh token per start unless set.
import { randomBytes } from 'node:crypto'
import { generateSigningKey, publicJwkOf } from '@ysx/departments/harness'
import {
  BFF_SIGNING_KEY_VAR,
  DEPARTMENT_CODES,
  DEPARTMENTS,
  departmentPortVar,
  departmentUrlVar,
  DEPT_CALLER_KEYS_VAR,
  DEPT_OPERATORS_VAR,
} from '@ysx/shared'

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`

const lines = DEPARTMENT_CODES.flatMap((code) => {
  const port = process.env[departmentPortVar(code)] || String(DEPARTMENTS[code].defaultPort)
  const url = process.env[departmentUrlVar(code)] || `http://127.0.0.1:${port}`
  return [`export ${departmentPortVar(code)}=${quote(port)}`, `export ${departmentUrlVar(code)}=${quote(url)}`]
})
const given = process.env[BFF_SIGNING_KEY_VAR]
const pair = given ? { privateJwk: JSON.parse(given), publicJwk: publicJwkOf(JSON.parse(given)) } : generateSigningKey()
lines.push(`export ${BFF_SIGNING_KEY_VAR}=${quote(given || JSON.stringify(pair.privateJwk))}`)
lines.push(
  `export ${DEPT_CALLER_KEYS_VAR}=${quote(process.env[DEPT_CALLER_KEYS_VAR] || JSON.stringify(pair.publicJwk))}`,
)
const operators = process.env[DEPT_OPERATORS_VAR] || `operator=${randomBytes(24).toString('base64url')}`
lines.push(`export ${DEPT_OPERATORS_VAR}=${quote(operators)}`)
process.stdout.write(`${lines.join('\n')}\n`)
