// Stands in for zod's fromJSONSchema (config/index.ts): the app builds its schemas in code and never reads a JSON
// Schema, and zod's converter would otherwise ride in every build (z is one namespace, kept whole). Calling it fails
// loudly: this module is left out of the build.
export function fromJSONSchema() {
  throw new Error('zod fromJSONSchema is left out of the build (miniapp/config/index.ts)')
}
