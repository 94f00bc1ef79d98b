// Cryptographic random bytes: WebCrypto where the engine has it (H5, newer WeChat), else WeChat's UserCryptoManager.
import Taro from '@tarojs/taro'

export function randomBytes(length: number): Promise<Uint8Array> {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (webCrypto?.getRandomValues) return Promise.resolve(webCrypto.getRandomValues(new Uint8Array(length)))
  return new Promise((resolve, reject) => {
    Taro.getUserCryptoManager().getRandomValues({
      length,
      success: (res) => resolve(new Uint8Array(res.randomValues)),
      fail: (res) => reject(new Error(res.errMsg)),
    })
  })
}
