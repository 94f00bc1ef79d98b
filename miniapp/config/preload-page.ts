// H5: index.html preloads the start page's chunks (its page chunk and the shared chunks it needs, scripts and styles),
// so they download beside app.js instead of after it has run: Taro's router imports a page only when it mounts it, and
// each wave of chunks (the page, then what it imports) cost the first paint another round trip. Taro has no option for
// it and the chunks are known only once webpack has split them, so this plugin adds the links to html-webpack-plugin's
// head tags (the instance Taro's runner uses: its hooks are per instance).
import { createRequire } from 'node:module'
import type { Compilation, Compiler } from 'webpack'

interface HtmlTag {
  tagName: string
  voidTag: boolean
  meta: Record<string, unknown>
  attributes: Record<string, string | boolean>
}
interface HtmlWebpackPluginStatic {
  getHooks(compilation: Compilation): {
    alterAssetTagGroups: { tap(name: string, fn: (data: { headTags: HtmlTag[] }) => unknown): void }
  }
}

const fromTaroRunner = createRequire(require.resolve('@tarojs/webpack5-runner'))
const NAME = 'PreloadPagePlugin'

/** The files (js/…, css/…) of the chunk group webpack made for the dynamic import of `page` (e.g. 'pages/home/index'). */
export function pageFiles(compilation: Compilation, page: string): string[] {
  const request = new RegExp(`(^|[\\\\/])${page.replace(/\//g, '[\\\\/]')}$`)
  const group = compilation.chunkGroups.find((g) => g.origins.some((o) => request.test(o.request ?? '')))
  if (!group) throw new Error(`${NAME}: no chunk group imports ${page}`)
  return group.getFiles().filter((file) => /\.(js|css)$/.test(file))
}

export class PreloadPagePlugin {
  constructor(
    private readonly page: string,
    private readonly publicPath: string,
  ) {}

  apply(compiler: Compiler): void {
    const HtmlWebpackPlugin = fromTaroRunner('html-webpack-plugin') as HtmlWebpackPluginStatic
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const links = pageFiles(compilation, this.page).map((file): HtmlTag => ({
          tagName: 'link',
          voidTag: true,
          meta: { plugin: NAME },
          attributes: { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: this.publicPath + file },
        }))
        data.headTags.push(...links)
        return data
      })
    })
  }
}
