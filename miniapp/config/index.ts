// Taro build config shared by the weapp and h5 targets (webpack5 runner, React, NutUI on demand).
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { IH5Config } from '@tarojs/taro/types/compile'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { inlinedEnv, readBuildEnv } from './build-env'
import devConfig from './dev'
import prodConfig from './prod'

// @ysx/shared ships TypeScript source: Taro must compile it like our own src/.
const workspaceSrc = [path.resolve(__dirname, '../../shared/src')]

// The BFF's address, the WeChat stand-in of a development weapp build and the output folder: checked once (build-env.ts).
const build = readBuildEnv()

// Both builds: no CSS modules; imports resolve through tsconfig's paths.
const cssModules = {
  enable: false,
  config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
}
const webpackChain: NonNullable<IH5Config['webpackChain']> = (chain) => {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
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
      publicPath: '/',
      staticDirectory: 'static',
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
      webpackChain,
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
