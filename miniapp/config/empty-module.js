// Stands in for modules a build leaves out (config/index.ts says which and why): zod's locales, Taro's legacy request
// polyfills and its JSONP client. Calling what was left out fails loudly instead of doing nothing.
export default function leftOut() {
  throw new Error('this module is left out of the build (miniapp/config/index.ts)')
}
