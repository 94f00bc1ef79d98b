// The H5 authorize page of the WeChat stand-in: the user confirms, gets a code, and is sent back to the app.
const TEXT = {
  title: '微信授权登录（模拟）',
  intro: '“粤省事 open” 申请获得以下权限：',
  scope: '获得你的公开信息（昵称、头像）',
  account: '模拟微信账号',
  allow: '允许',
  deny: '拒绝',
  note: '这是微信登录服务器的模拟页面，仅用于开发与测试。',
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function authorizePage(opts: {
  appid: string
  redirectUri: string
  state: string
  suggestedAccount: string
}): string {
  const data = JSON.stringify({ appid: opts.appid, redirectUri: opts.redirectUri, state: opts.state }).replace(
    /</g,
    '\\u003c',
  )
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${TEXT.title}</title>
<style>
body{margin:0;font-family:sans-serif;background:#ededed;color:#111;font-size:1rem}
main{max-width:28rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:1.25rem;text-align:center;margin:1rem 0 2rem}
.card{background:#fff;border-radius:.5rem;padding:1rem 1.25rem;margin-bottom:1.5rem}
label{display:block;color:#666;font-size:.875rem;margin-bottom:.5rem}
input{width:100%;box-sizing:border-box;font-size:1rem;padding:.6rem;border:1px solid #ddd;border-radius:.35rem}
button{display:block;width:100%;font-size:1.1rem;padding:.8rem;border:0;border-radius:.35rem;margin-bottom:.75rem}
#allow{background:#07c160;color:#fff}#deny{background:#f2f2f2;color:#07c160}
.note{color:#999;font-size:.8rem;text-align:center}
</style></head><body><main>
<h1>${TEXT.title}</h1>
<div class="card"><p>${TEXT.intro}</p><p>• ${TEXT.scope}</p></div>
<div class="card"><label for="account">${TEXT.account}</label>
<input id="account" name="account" value="${escape(opts.suggestedAccount)}" maxlength="64"></div>
<button id="allow" type="button">${TEXT.allow}</button><button id="deny" type="button">${TEXT.deny}</button>
<p class="note">${TEXT.note}</p>
</main>
<script>
const ctx = ${data};
const back = (params) => {
  const sep = ctx.redirectUri.includes('?') ? '&' : '?';
  location.href = ctx.redirectUri + sep + new URLSearchParams({ ...params, state: ctx.state }).toString();
};
document.getElementById('deny').onclick = () => back({ error: 'access_denied' });
document.getElementById('allow').onclick = async () => {
  const account = document.getElementById('account').value.trim();
  const res = await fetch('/sns/device-login', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: ctx.appid, account }) });
  if (res.ok) back({ code: (await res.json()).code });
};
</script></body></html>`
}
