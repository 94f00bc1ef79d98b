// Whose 粤康码 a page is about: the page's ?holder= (a family member's id), else the citizen's own. Apart from
// use-health-code so that pages which only need the holder do not load the device key's cryptography.
import { useRouter } from '@tarojs/taro'
import { type Holder, SELF } from '../services/health-code'

export { SELF }

/** Whose code a page is for: the page's ?holder=, else the citizen's own. */
export function useHolder(): Holder {
  return useRouter().params.holder || SELF
}
