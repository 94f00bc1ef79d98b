// buildApp(config): the composition root. Builds the shared infrastructure and every capability's services once,
// then registers the third-party plugins, our error handling and access tokens, and each capability's routes as an
// encapsulated plugin. A capability reaches another only through the services built here.
import type { FastifyInstance } from 'fastify'
import type { DestinationStream } from 'pino'
import aggregationRoutes, { createAggregation } from './aggregation'
import { auditContext, createAuditService } from './audit'
import dataUseRoutes, { createDataUsePersonalData, createDataUseService } from './data-use'
import feedbackRoutes, { createFeedbackService } from './feedback'
import hallRoutes, { createHallService, loadCatalogue } from './hall'
import healthCodeRoutes, { createHealthCode } from './health-code'
import identityRoutes, { accessTokens, createIdentity } from './identity'
import keyRoutes, { createKeyService } from './keys'
import type { Config } from './platform/config'
import { createDepartmentAdapters } from './platform/departments'
import { createFastify } from './platform/fastify'
import { createFieldCipher } from './platform/field-cipher'
import { oncePer } from './platform/once-per'
import errorHandler from './platform/plugins/error-handler'
import h5 from './platform/plugins/h5'
import openapi from './platform/plugins/openapi'
import rateLimit from './platform/plugins/rate-limit'
import security, { pageHeaders } from './platform/plugins/security'
import underPressure from './platform/plugins/under-pressure'
import { connectRedis } from './platform/redis'
import { EVERY_PART_ON, type StackPart, statusFromMemory, unverifiedTokens } from './platform/stack'
import presentationRoutes, { createPresentationPersonalData, createPresentationService } from './presentation'
import privacyRoutes, { createPrivacyService, createRetention, type Retention, scheduleRetention } from './privacy'
import { type DataStore, openStore } from './store'
import systemRoutes from './system'
import walletRoutes, { createWalletService } from './wallet'

export { STACK_PARTS, type StackPart } from './platform/stack'

export interface BuildOptions {
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: DestinationStream
  /** A data store to use instead of opening the configured one (tests). */
  store?: DataStore
  /** Told of every route as it is added (the contract-parity test lists them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void
  /** The clock services read (tests move it); the system clock by default. */
  now?: () => Date
  /**
   * Bench only (scripts/bench/health-code --costs): parts of the stack this build leaves out, to measure what each
   * costs. Nothing in config or the environment sets it; a default build has every part (platform/stack.ts).
   */
  without?: ReadonlySet<StackPart>
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The retention job (it also runs every config.retentionIntervalMs): `purge(now)` runs it once */
    retention: Retention
  }
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const off = opts.without ?? EVERY_PART_ON
  const app = createFastify(config, opts)
  const now = opts.now ?? (() => new Date())
  const store = opts.store ?? (await openStore(config))
  const { repos } = store
  const departments = createDepartmentAdapters(config)
  // What replicas must share beyond the database (the rate limits' counters): in Redis when REDIS_URL is set.
  const redis = config.redis ? await connectRedis(config.redis, app.log) : undefined
  app.addHook('onClose', async () => {
    await departments.close()
    await store.close()
    await redis?.close()
  })
  const cipher = createFieldCipher({
    current: { version: config.dataKeyVersion, key: config.dataKey },
    retired: config.dataKeysRetired,
  })
  // The signing keys' private halves are sealed with a key of their own, never the personal-field key.
  const keySeal = createFieldCipher(config.signingSealKey, 'ysx-signing-key-seal')

  // Every capability's services, built once.
  // Closed accounts' audit records carry an HMAC of their id, keyed outside the database (PIPL Art. 47).
  const audit = createAuditService(repos.audit, config.audit, now)
  const keys = createKeyService(repos.signingKeys, keySeal, config.keys, now)
  await keys.ensureCurrent()
  const dataUse = createDataUseService(departments.lookups, repos.dataAccess, now)
  const { readers } = dataUse
  const identity = createIdentity({
    repos,
    departments,
    cipher,
    audit,
    dataUse,
    settings: config.auth,
    faceStandIn: config.faceStandIn,
    signAccess: (claims) => app.signAccess(claims),
    now,
  })
  const { profiles } = identity
  const wallet = createWalletService(readers, profiles, cipher, audit)
  const presentations = createPresentationService({ keys, wallet, profiles, repo: repos.presentations, audit, now })
  const healthCode = createHealthCode({
    repo: off.has('statusRead') ? statusFromMemory(repos.healthCode) : repos.healthCode,
    dataUse,
    weijian: departments.appeals,
    gongan: departments.faceCheck,
    businesses: departments.businesses,
    profiles,
    keys,
    audit,
    cipher,
    rulesVersion: config.healthRulesVersion,
    now,
  })
  const aggregation = createAggregation({
    readers,
    profiles,
    wallet,
    health: healthCode,
    budgetMs: config.departments.dashboardBudgetMs,
  })
  const { verifyRateLimitMax, verifierRateLimitMax } = config
  const feedback = createFeedbackService(repos.feedback, cipher)
  const hall = createHallService({ catalogue: loadCatalogue(), repo: repos.hall, now })
  const presentationData = createPresentationPersonalData(repos.presentations)
  const privacy = createPrivacyService({
    identity: identity.personalData,
    level: async (userId) => (await profiles.profile(userId)).level,
    // Identity's step-up guard.
    requireStepUp: (claims, ctx) => profiles.requireRecentFace(claims.sub, ctx),
    presentations: presentationData,
    dataUse: createDataUsePersonalData(repos.dataAccess),
    healthCode: healthCode.personalData,
    feedback,
    hall,
    audit,
    atomically: store.atomically,
    now,
  })
  const retention = createRetention({
    identity: identity.personalData,
    presentations: presentationData,
    healthCode: healthCode.personalData,
  })
  app.decorate('retention', retention)
  const retentionJob = scheduleRetention(retention, config.retentionIntervalMs, now, (err) =>
    app.log.error({ err }, 'retention purge failed'),
  )
  app.addHook('onClose', async () => retentionJob.stop())

  // Third-party wiring first, then our own error handling and access tokens, then each capability's routes.
  const production = config.env === 'production'
  await app.register(security, {
    corsOrigins: config.corsOrigins,
    headers: !off.has('securityHeaders'),
    cors: !off.has('cors'),
  })
  const countedHere = oncePer(60_000)
  await app.register(rateLimit, {
    ...config.rateLimit,
    redis,
    onRedisError: (err) => {
      if (countedHere('redis'))
        app.log.warn({ err: { message: err.message } }, 'redis failed: rate limits count per replica')
    },
    counting: !off.has('rateLimit'),
  })
  if (!off.has('underPressure')) await app.register(underPressure, { maxEventLoopDelayMs: config.maxEventLoopDelayMs })
  await app.register(errorHandler, {
    // Another citizen's card, member or record answers 404 like a missing one, and the probe is audited (issue #11).
    onNotFound: async (req) => {
      if (!req.auth) return
      const reason = `${req.method} ${req.routeOptions.url ?? ''}`
      await audit.record(
        { userId: req.auth.sub, action: 'authz.not_found', outcome: 'failure', reason },
        auditContext(req),
      )
    },
  })
  await app.register(openapi)
  const checkSession = off.has('sessionRead') ? async () => undefined : identity.auth.checkSession
  if (off.has('jwt')) await app.register(unverifiedTokens, { checkSession })
  else
    await app.register(accessTokens, {
      secret: config.tokenSecret,
      accessTtlSeconds: config.auth.accessTtlSeconds,
      checkSession,
      audit,
      accountExists: identity.personalData.exists,
    })

  await app.register(systemRoutes, { ping: store.ping, ...(redis ? { pingRedis: redis.ping } : {}) })
  await app.register(feedbackRoutes, { feedback })
  await app.register(hallRoutes, { hall })
  const { appId, authorizeUrl } = config.wechat
  const loginRateLimitMax = config.auth.loginRateLimitMax
  await app.register(identityRoutes, { identity, loginRateLimitMax, wechat: { appId, authorizeUrl } })
  await app.register(aggregationRoutes, { aggregation })
  await app.register(dataUseRoutes, { dataUse })
  await app.register(keyRoutes, { keys })
  await app.register(walletRoutes, { wallet })
  await app.register(presentationRoutes, { presentations, verifyRateLimitMax, verifierRateLimitMax })
  await app.register(healthCodeRoutes, { healthCode, verifyRateLimitMax, verifierRateLimitMax })
  await app.register(privacyRoutes, { privacy })

  if (config.h5Dir) {
    const { lanOrigins, h5Dir } = config
    await app.register(h5, { dir: h5Dir, headers: pageHeaders({ lanOrigins, h5Dir, production }) })
  }
  return app
}
