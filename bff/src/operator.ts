// Operator commands, run beside the BFF against its database, with its configuration (the same environment):
//   pnpm --filter @ysx/bff run keys:revoke <kid>   revoke a signing key now: out of the JWKS, verifying nothing; a
//                                                  running BFF reads it within RING_REFRESH_MS and signs with a new key
//   pnpm --filter @ysx/bff run audit:verify        check every link of the audit chain and every signed checkpoint;
//                                                  names the first broken link; exits 1 if anything does not hold
import { createAuditService, verifyAuditTrail, auditKeys } from './audit'
import { type Config, ConfigError, loadConfig } from './platform/config'
import { openStore } from './store'

export interface OperatorResult {
  code: number
  text: string
}

const USAGE = 'usage: operator keys:revoke <kid> | audit:verify'

export async function runOperatorCommand(
  argv: string[],
  config: Config,
  now: () => Date = () => new Date(),
): Promise<OperatorResult> {
  const [command, ...args] = argv
  const store = await openStore(config)
  try {
    if (command === 'keys:revoke' && args.length === 1) {
      const kid = args[0]!
      if (!(await store.repos.signingKeys.revoke(kid, now()))) return { code: 1, text: `no signing key ${kid}` }
      const audit = createAuditService(store.repos.audit, config.audit, now)
      await audit.record({ userId: null, action: 'key.revoke', outcome: 'success', reason: kid }, {})
      return { code: 0, text: `revoked ${kid}: out of the JWKS now; running BFFs stop using it within seconds` }
    }
    if (command === 'audit:verify' && args.length === 0) {
      const { audit } = store.repos
      const result = verifyAuditTrail(
        await audit.list(),
        await audit.checkpoints(),
        auditKeys(config.audit.key),
        config.audit.checkpointEvery,
      )
      const lines = [`${result.records} records, ${result.checkpoints} checkpoints`]
      if (result.firstBroken)
        lines.push(`BROKEN: first broken link at index ${result.firstBroken.index} (seq ${result.firstBroken.seq})`)
      if (result.badCheckpoint)
        lines.push(`BAD CHECKPOINT at seq ${result.badCheckpoint.seq}: ${result.badCheckpoint.why}`)
      const ok = !result.firstBroken && !result.badCheckpoint
      if (ok) lines.push('audit trail intact')
      return { code: ok ? 0 : 1, text: lines.join('\n') }
    }
    return { code: 2, text: USAGE }
  } finally {
    await store.close()
  }
}

if (require.main === module) {
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    process.stderr.write(`operator: ${err.message}\n`)
    process.exit(1)
  }
  void runOperatorCommand(process.argv.slice(2), config).then(({ code, text }) => {
    ;(code === 0 ? process.stdout : process.stderr).write(`${text}\n`)
    process.exit(code)
  })
}
