// System: the liveness and readiness probes. Public entry: the routes plugin.
export { default } from './routes'
