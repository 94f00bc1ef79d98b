// H5: 首页's first paint, static in index.html, so a phone shows the page before any script has arrived: the blue band
// with the app's name, slogan and greeting (as 首页's PageHeader says them) and grey placeholders where the cards will
// be, over the app until its first page has rendered (platform's endFirstPaint). It is written in all three languages;
// an inline script run before the body is parsed picks the one the app will start in (the one chosen in 我的, kept by
// Taro's storage as {"data": …} under `ysx.locale`, else the browser's language read as negotiateLocale reads it) and
// 长辈版 (`ysx.care`), so a zh-HK or English start never paints zh-CN first. Any page but 首页 (a 场所码's link opens
// 扫码签到) starts without it. Sizes are the app's design pixels (750 wide) in vw, as Taro's rem script scales them.
import type { Catalogue, Locale } from '@ysx/shared'

/** The catalogues by locale (config/index.ts reads them from @ysx/shared). */
export type Catalogues = Record<Locale, Catalogue>

/** The element's id: the app removes it once its first page shows. */
export const FIRST_PAINT_ID = 'ysx-first-paint'
/** The class on <html> that turns it off (another page than 首页 opened). */
export const FIRST_PAINT_OFF = 'ysx-first-paint-off'

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

/** The class on <html> of a start with no session stored: 首页 will ask to sign in, and its first paint says so. */
export const SIGNED_OUT = 'ysx-signed-out'

/** Design pixels (750 wide) as vw. */
const px = (design: number) => `${+((design * 100) / 750).toFixed(4)}vw`

/**
 * Before the body: <html lang> and 长辈版's class as the app will set them, or the first paint off on another page.
 * Whether a session is stored (the dashboard's place: a placeholder, or the app's 登录后可在首页查看… at once). ES5, no
 * library: it runs before anything else. Kept in step with startLocale and startCareMode (first-paint.test.ts).
 */
export const FIRST_PAINT_SCRIPT = `!function(d,n){var h=d.documentElement;function s(k){try{var v=JSON.parse(localStorage.getItem(k));return v&&v.data}catch(e){}}var p=location.hash.replace(/\\?.*$/,"");if(p&&p!=="#/"&&p!=="#/pages/home/index"){h.className+=" ${FIRST_PAINT_OFF}";return}var l=s("ysx.locale"),t=(n.language||"").toLowerCase();if(["zh-CN","zh-HK","en"].indexOf(l)<0)l=/^zh-(hant(-.*)?|tw|mo|hk)$/.test(t)?"zh-HK":t.split("-")[0]==="en"?"en":"zh-CN";h.lang=l;if(s("ysx.care")===true)h.className+=" ysx-care";if(!localStorage.getItem("ysx.auth.tokens"))h.className+=" ${SIGNED_OUT}"}(document,navigator);`

const style = (
  LOCALES: readonly Locale[],
) => `#${FIRST_PAINT_ID}{position:fixed;inset:0;z-index:2000;overflow:hidden;background:#f5f6f8;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.${FIRST_PAINT_OFF} #${FIRST_PAINT_ID}{display:none}.ysx-hold #${FIRST_PAINT_ID}{visibility:visible}
#${FIRST_PAINT_ID} .fp-band{padding:${px(40)} ${px(32)} ${px(120)};background:#0958d9;background-image:linear-gradient(160deg,#0b5ed7,#0958d9);color:#fff}
#${FIRST_PAINT_ID} .fp-head{display:none;margin:0;font-size:${px(28)};line-height:1.5}
${LOCALES.map((l) => `html[lang="${l}"] #${FIRST_PAINT_ID} .fp-head[lang="${l}"]`).join(',')}{display:block}
#${FIRST_PAINT_ID} .fp-name{font-size:${px(44.8)};font-weight:600;letter-spacing:2px;line-height:1.6}
#${FIRST_PAINT_ID} .fp-slogan{font-size:${px(26.6)};opacity:.85;line-height:2}
#${FIRST_PAINT_ID} .fp-greeting{font-size:${px(28)};opacity:.9;line-height:2.4}
.ysx-care #${FIRST_PAINT_ID} .fp-sub{display:none}.ysx-care #${FIRST_PAINT_ID} .fp-name{font-size:${px(64)}}
#${FIRST_PAINT_ID} .fp-card{margin:${px(24)} ${px(24)} 0;padding:${px(24)};border-radius:${px(20)};background:#fff}
#${FIRST_PAINT_ID} .fp-care{height:${px(128)}}#${FIRST_PAINT_ID} .fp-entries{height:${px(420)}}
#${FIRST_PAINT_ID} .fp-dashboard{position:relative}
#${FIRST_PAINT_ID} .fp-hint{display:none;margin:0;padding-right:${px(188)};color:#5f6672;font-size:${px(25.2)};line-height:2.2}
#${FIRST_PAINT_ID} .fp-hint~.fp-button{position:absolute;top:50%;right:${px(24)};width:${px(164)};height:${px(64)};margin-top:-${px(32)};border-radius:${px(32)};background:#0958d9}
${LOCALES.map((l) => `html.${SIGNED_OUT}[lang="${l}"] #${FIRST_PAINT_ID} .fp-hint[lang="${l}"]`).join(',')}{display:block}
html.${SIGNED_OUT} #${FIRST_PAINT_ID} .fp-dashboard .fp-bar,html:not(.${SIGNED_OUT}) #${FIRST_PAINT_ID} .fp-button,.ysx-care #${FIRST_PAINT_ID} .fp-hint,.ysx-care #${FIRST_PAINT_ID} .fp-button{display:none}
#${FIRST_PAINT_ID} .fp-band+.fp-card{margin-top:-${px(72)}}
#${FIRST_PAINT_ID} .fp-bar{height:${px(28)};margin:${px(12)} 0;border-radius:${px(8)};background:#eceef2}
#${FIRST_PAINT_ID} .fp-card .fp-bar:last-child{width:60%}
#${FIRST_PAINT_ID} .fp-tabs{position:absolute;right:0;bottom:0;left:0;height:50px;border-top:1px solid #e5e6eb;background:#fff}`

/** The first paint's markup: the band in each language (one shown), two placeholder cards and the tab bar's place. */
function markup(catalogues: Catalogues): string {
  const LOCALES = Object.keys(catalogues) as Locale[]
  const heads = LOCALES.map((locale) => {
    const text = catalogues[locale]
    // One block of text (the spans inline), as the band's lines read together.
    return `<p class="fp-head" lang="${locale}"><span class="fp-name">${escape(text.app.name)}</span><br><span class="fp-sub fp-slogan">${escape(text.app.slogan)}</span><br class="fp-sub"><span class="fp-sub fp-greeting">${escape(text.home.greeting)}</span></p>`
  }).join('')
  // Signed out, the dashboard's card says what 首页 will say (home.signInHint); else placeholders until it loads.
  const hints = LOCALES.map(
    (locale) => `<p class="fp-hint" lang="${locale}">${escape(catalogues[locale].home.signInHint)}</p>`,
  ).join('')
  const bars = (n: number) => '<div class="fp-bar"></div>'.repeat(n)
  return `<div id="${FIRST_PAINT_ID}" aria-hidden="true"><div class="fp-band">${heads}</div><div class="fp-card fp-care">${bars(2)}</div><div class="fp-card fp-entries">${bars(1)}</div><div class="fp-card fp-dashboard">${hints}<div class="fp-button"></div>${bars(4)}</div><div class="fp-tabs"></div></div>`
}

/** What index.html (src/index.html) takes from the build: the style and script for its head, the markup for its body. */
export function firstPaint(catalogues: Catalogues): { style: string; script: string; html: string } {
  return { style: style(Object.keys(catalogues) as Locale[]), script: FIRST_PAINT_SCRIPT, html: markup(catalogues) }
}
