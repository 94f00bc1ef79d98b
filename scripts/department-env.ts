// Prints the environment of every department in the registry as shell lines for scripts/start to eval: its port
// (DEPT_<CODE>_PORT, where the stand-in listens) and its address (DEPT_<CODE>_URL, where the BFF reaches it). A value
// already set in the environment is kept; otherwise the port is the registry's and the address follows the port.
import { DEPARTMENT_CODES, DEPARTMENTS, departmentPortVar, departmentUrlVar } from '@ysx/shared'

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`

const lines = DEPARTMENT_CODES.flatMap((code) => {
  const port = process.env[departmentPortVar(code)] || String(DEPARTMENTS[code].defaultPort)
  const url = process.env[departmentUrlVar(code)] || `http://127.0.0.1:${port}`
  return [`export ${departmentPortVar(code)}=${quote(port)}`, `export ${departmentUrlVar(code)}=${quote(url)}`]
})
process.stdout.write(`${lines.join('\n')}\n`)
