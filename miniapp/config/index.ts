// Taro build config shared by the weapp and h5 targets (webpack5 runner, React, NutUI on demand).
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { IH5Config } from '@tarojs/taro/types/compile'
import CompressionPlugin from 'compression-webpack-plugin'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { require as tsxRequire } from 'tsx/cjs/api'
import webpack from 'webpack'
import { inlinedEnv, readBuildEnv } from './build-env'
import devConfig from './dev'
import { firstPaint } from './first-paint'
import { PreloadPagePlugin } from './preload-page'
import prodConfig from './prod'

// @ysx/shared ships TypeScript source: Taro must compile it like our own src/.
const workspaceSrc = [path.resolve(__dirname, '../../shared/src')]

// The BFF's address, the WeChat stand-in of a development weapp build and the output folder: checked once (build-env.ts).
const build = readBuildEnv()

// The catalogues, for index.html's first paint, through tsx: Taro compiles only the config's own TypeScript, and
// @ysx/shared ships its source.
const { catalogues } = tsxRequire('@ysx/shared', __filename) as typeof import('@ysx/shared')

// Both builds: no CSS modules; imports resolve through tsconfig's paths.
const cssModules = {
  enable: false,
  config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
}
type Chain = Parameters<NonNullable<IH5Config['webpackChain']>>[0]

// Both builds: imports resolve through tsconfig's paths; zod's 40 translations of its own messages (about 200 KB, kept
// whole because zod exports them as one namespace, z.locales) are left out: our messages come from the i18n catalogue,
// and zod keeps its English default, which it imports on its own.
const webpackChain = (chain: Chain) => {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
  chain
    .plugin('zod-without-locales')
    .use(webpack.NormalModuleReplacementPlugin, [
      /zod[\\/]v4[\\/]locales[\\/]index\.c?js$/,
      path.resolve(__dirname, 'empty-module.js'),
    ])
  // Likewise zod's JSON Schema reader (fromJSONSchema, about 12 KB minified): nothing here reads a JSON Schema. Its
  // stand-in keeps the export and throws if called. (The weapp's main package is held to 1 MB: check-weapp.ts.)
  chain
    .plugin('zod-without-from-json-schema')
    .use(webpack.NormalModuleReplacementPlugin, [
      /zod[\\/]v4[\\/]classic[\\/]from-json-schema\.c?js$/,
      path.resolve(__dirname, 'zod-from-json-schema.js'),
    ])
}

// H5: pages load as their own chunks; a module two pages share (Taro's components, NutUI, @noble, the BFF client) is
// fetched once in a shared chunk instead of inside every page (Taro splits only the first load's chunks). Each asset is
// also written brotli- and gzip-compressed for the BFF to serve as they are (@fastify/static's preCompressed).
const START_PAGE = 'pages/home/index'
const PUBLIC_PATH = '/'
const h5WebpackChain = (chain: Chain) => {
  webpackChain(chain)
  // Taro's H5 request API imports polyfills of fetch and AbortController, which install themselves only where the
  // browser lacks them (none of our browserslist does), and a JSONP client for an option we never use: left out.
  chain
    .plugin('no-legacy-request-polyfills')
    .use(webpack.NormalModuleReplacementPlugin, [
      /^(whatwg-fetch|abortcontroller-polyfill\/dist\/abortcontroller-polyfill-only|jsonp-retry)$/,
      path.resolve(__dirname, 'empty-module.js'),
    ])
  // A library's module shared by two chunks always moves to a shared chunk, however small; our own small shared
  // modules (a page path, a hook) may repeat in a few pages rather than cost a request each.
  const split = chain.optimization.get('splitChunks') as { cacheGroups: Record<string, object> }
  const always = (group: string) => ({ ...split.cacheGroups[group], minSize: 0 })
  chain.optimization.splitChunks({
    ...split,
    chunks: 'all',
    minSize: 20_000,
    cacheGroups: { ...split.cacheGroups, vendors: always('vendors'), taro: always('taro') },
  })
  // 首页, the start page (app.config's first): index.html preloads its chunks (preload-page.ts).
  chain.plugin('preload-start-page').use(PreloadPagePlugin, [START_PAGE, PUBLIC_PATH])
  chain
    .plugin('gzip')
    .use(CompressionPlugin, [{ algorithm: 'gzip', test: /\.(js|css|html|svg|json)$/, threshold: 1024 }])
  chain
    .plugin('brotli')
    .use(CompressionPlugin, [
      { algorithm: 'brotliCompress', filename: '[path][base].br', test: /\.(js|css|html|svg|json)$/, threshold: 1024 },
    ])
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'ysx-miniapp',
    date: '2025-1-1',
    // NutUI is drawn at 375 wide, our own styles at 750.
    designWidth: (input) => {
      const file = typeof input === 'object' && input !== null ? input.file : undefined
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2 / 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: build.outputRoot,
    plugins: [],
    defineConstants: {},
    // H5 is served by the BFF itself (same origin); the weapp talks to a BFF on the developer's machine (or the real
    // one), and a development weapp build also to the WeChat stand-in.
    env: inlinedEnv(build),
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Source maps on request (YSX_WEAPP_SOURCEMAP=1), to see what a package holds; never counted in its size.
      enableSourceMap: process.env.YSX_WEAPP_SOURCEMAP === '1',
      sourceMapType: 'source-map',
      compile: { include: workspaceSrc },
      // NutUI's per-component styles are independent: their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules,
      },
      webpackChain,
    },
    h5: {
      publicPath: PUBLIC_PATH,
      enableSourceMap: process.env.YSX_H5_SOURCEMAP === '1',
      sourceMapType: 'source-map',
      staticDirectory: 'static',
      // 首页's static first paint, in index.html (first-paint.ts).
      htmlPluginOption: { firstPaint: firstPaint(catalogues) },
      compile: { include: workspaceSrc },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules,
      },
      webpackChain: h5WebpackChain,
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
