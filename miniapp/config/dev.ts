// Taro build config overrides for development builds (NODE_ENV=development, e.g. --watch): verbose webpack logs.
import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
